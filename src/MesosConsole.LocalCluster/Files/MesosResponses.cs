using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MesosConsole.LocalCluster.Files;

/// <summary>
/// Responses as libprocess writes them. JSON goes out as exactly <c>application/json</c> (strict clients
/// compare it with ==; ASP.NET's helpers would add a charset), or as JSONP when <c>?jsonp=cb</c> is given;
/// errors are plain text, as in the captures of a real agent.
/// </summary>
internal static class MesosResponses
{
    public const string JsonContentType = "application/json";
    public const string JavaScriptContentType = "text/javascript";
    public const string PlainTextContentType = "text/plain; charset=utf-8";

    /// <summary>200 with a JSON body, wrapped as <c>cb(json);</c> when the request names a JSONP callback.</summary>
    public static Task WriteJsonAsync(HttpContext context, ReadOnlyMemory<byte> json)
    {
        var callback = context.Request.Query["jsonp"].ToString();
        if (callback.Length == 0)
        {
            return WriteAsync(context, StatusCodes.Status200OK, JsonContentType, json);
        }

        // Mesos echoes any callback; we only take JavaScript identifiers so the body cannot carry script.
        if (!IsCallbackName(callback))
        {
            return WritePlainAsync(context, StatusCodes.Status400BadRequest, "Invalid 'jsonp' callback name.\n");
        }

        var wrapped = new byte[callback.Length + json.Length + 3];
        var written = Encoding.ASCII.GetBytes(callback, wrapped);
        wrapped[written++] = (byte)'(';
        json.Span.CopyTo(wrapped.AsSpan(written));
        written += json.Length;
        wrapped[written++] = (byte)')';
        wrapped[written] = (byte)';';
        return WriteAsync(context, StatusCodes.Status200OK, JavaScriptContentType, wrapped);
    }

    /// <summary>A JSON body built with a writer (browse listings, read chunks, state documents).</summary>
    public static Task WriteJsonAsync(HttpContext context, Action<Utf8JsonWriter> write) =>
        WriteJsonAsync(context, Build(write));

    public static Task WritePlainAsync(HttpContext context, int statusCode, string text) =>
        WriteAsync(context, statusCode, PlainTextContentType, Encoding.UTF8.GetBytes(text));

    public static async Task WriteAsync(HttpContext context, int statusCode, string contentType, ReadOnlyMemory<byte> body)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    public static byte[] Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static bool IsCallbackName(string name)
    {
        if (name.Length > 128 || !(char.IsAsciiLetter(name[0]) || name[0] is '_' or '$'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '$' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
