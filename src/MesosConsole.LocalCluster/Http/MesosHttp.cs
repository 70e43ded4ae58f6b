using System.Text;
using MesosConsole.Mesos.Json;
using MesosConsole.Mesos.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace MesosConsole.LocalCluster.Http;

/// <summary>
/// Transport rules shared by the master's v1 endpoints (reference §1.2, §3.1, §13): exact media types,
/// plain-text errors, body limits. ASP.NET's JSON helpers append a charset, which mesos-go rejects, so
/// every JSON answer goes through <see cref="WriteJsonAsync"/>.
/// </summary>
internal static class MesosHttp
{
    /// <summary>Bodies above this are refused with 413 before they are read.</summary>
    public const long MaxRequestBodyBytes = 16 * 1024 * 1024;

    /// <summary>
    /// A JSON answer with exactly <c>application/json</c>; for a GET with <c>?jsonp=cb</c>, the JSONP form
    /// libprocess writes (<c>cb(json);</c>, shared with the agents' endpoints).
    /// </summary>
    public static async Task WriteJsonAsync(HttpContext context, ReadOnlyMemory<byte> json, int status = 200)
    {
        if (status == 200 && HttpMethods.IsGet(context.Request.Method) && context.Request.Query.ContainsKey("jsonp"))
        {
            await Files.MesosResponses.WriteJsonAsync(context, json);
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = MesosJson.ContentType;
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json);
    }

    /// <summary>Writes a pooled JSON answer and returns its buffer to the pool.</summary>
    public static async Task WriteJsonAsync(HttpContext context, PooledBufferWriter json)
    {
        using (json)
        {
            await WriteJsonAsync(context, json.WrittenMemory);
        }
    }

    /// <summary>A v1 API answer in the negotiated codec: exact Content-Type, Content-Length, no charset.</summary>
    public static Task WriteMessageAsync(HttpContext context, MesosCodec codec, byte[] body)
    {
        if (!codec.IsProtobuf)
        {
            return WriteJsonAsync(context, body);
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = codec.ContentType;
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }

    /// <summary>An error or status answer with a plain-text reason, as Mesos writes them.</summary>
    public static Task WriteTextAsync(HttpContext context, int status, string? message)
    {
        context.Response.StatusCode = status;
        if (string.IsNullOrEmpty(message))
        {
            return Task.CompletedTask;
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message);
    }

    /// <summary>405 with the Allow header and the wording of the real master.</summary>
    public static Task MethodNotAllowedAsync(HttpContext context)
    {
        context.Response.Headers.Allow = "POST";
        return WriteTextAsync(context, 405, $"405 Method Not Allowed. Expecting one of {{ 'POST' }}, but received '{context.Request.Method}'.");
    }

    /// <summary>
    /// Checks Content-Type; returns the status and reason to answer with, or null with the codec of the
    /// body (JSON or protobuf) in <paramref name="codec"/>.
    /// </summary>
    public static (int Status, string Message)? CheckContentType(HttpRequest request, out MesosCodec codec)
    {
        codec = MesosCodec.Json;
        var raw = request.ContentType;
        if (string.IsNullOrEmpty(raw))
        {
            return (400, "Expecting 'Content-Type' to be present");
        }

        // Mesos compares the whole header; we tolerate parameters such as "; charset=utf-8" on input.
        var mediaType = MediaTypeHeaderValue.TryParse(raw, out var parsed) ? parsed.MediaType.ToString() : raw;
        if (string.Equals(mediaType, MesosJson.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (string.Equals(mediaType, MesosProtobuf.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            codec = MesosCodec.Protobuf;
            return null;
        }

        return (415, "Expecting 'Content-Type' of application/json or application/x-protobuf");
    }

    /// <summary>
    /// Response negotiation (reference §1.2): JSON when Accept is absent or allows it, else protobuf when
    /// it allows that; returns the 406 reason otherwise. mesos-go sends the same Accept value on two
    /// header lines; every value is considered.
    /// </summary>
    public static string? CheckAccept(HttpRequest request, out MesosCodec codec)
    {
        codec = MesosCodec.Json;
        var values = request.Headers.Accept;
        if (values.Count == 0)
        {
            return null;
        }

        if (!MediaTypeHeaderValue.TryParseList(values, out var accepted) || accepted.Count == 0)
        {
            return null;
        }

        foreach (var media in accepted)
        {
            if (media.Quality is 0)
            {
                continue;
            }

            var type = media.MediaType.ToString();
            if (type is "*/*" or "application/*" || string.Equals(type, MesosJson.ContentType, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        if (accepted.Any(m => m.Quality is not 0 && string.Equals(m.MediaType.ToString(), MesosProtobuf.ContentType, StringComparison.OrdinalIgnoreCase)))
        {
            codec = MesosCodec.Protobuf;
            return null;
        }

        return "Expecting 'Accept' to allow 'application/x-protobuf' or 'application/json'";
    }

    /// <summary>
    /// The front of every v1 endpoint's pipeline: POST only, a JSON or protobuf Content-Type, a body
    /// within the limit that parses. On any failure the answer is written and null returned.
    /// <paramref name="protobufCodec"/> replaces the shared protobuf schema for endpoints with calls of
    /// their own (the agent's).
    /// </summary>
    public static async Task<ReceivedCall<T>?> ReadCallAsync<T>(HttpContext context, MesosCodec? protobufCodec = null)
        where T : class
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await MethodNotAllowedAsync(context);
            return null;
        }

        if (CheckContentType(context.Request, out var codec) is { } bad)
        {
            await WriteTextAsync(context, bad.Status, bad.Message);
            return null;
        }

        var (body, status, error) = await ReadBodyAsync(context);
        if (body is null)
        {
            await WriteTextAsync(context, status, error);
            return null;
        }

        var call = (codec.IsProtobuf && protobufCodec is not null ? protobufCodec : codec).Deserialize<T>(body, out var parseError);
        if (parseError is not null)
        {
            await WriteTextAsync(context, 400, parseError);
            return null;
        }

        return new ReceivedCall<T>(call, codec);
    }

    /// <summary>Reads the whole body, or returns the status (413) and reason when it is too large.</summary>
    public static async Task<(byte[]? Body, int Status, string? Error)> ReadBodyAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > MaxRequestBodyBytes)
        {
            return (null, 413, $"Request body of {request.ContentLength} bytes exceeds the {MaxRequestBodyBytes} byte limit");
        }

        try
        {
            using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            if (buffer.Length > MaxRequestBodyBytes)
            {
                return (null, 413, $"Request body exceeds the {MaxRequestBodyBytes} byte limit");
            }

            return (buffer.ToArray(), 200, null);
        }
        catch (BadHttpRequestException ex)
        {
            return (null, ex.StatusCode, ex.Message);
        }
    }

    /// <summary>
    /// Prepares a long-lived streaming response: headers now, no buffering, chunked body. Content-Type
    /// is the records' media type (RecordIO framing is implied), exactly as mesos-go compares it.
    /// </summary>
    public static async Task StartStreamAsync(HttpContext context, MesosCodec codec)
    {
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        context.Response.StatusCode = 200;
        context.Response.ContentType = codec.ContentType;
        await context.Response.StartAsync(context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}

/// <summary>A parsed call (null for a JSON <c>null</c> body) and the codec it came in.</summary>
internal sealed record ReceivedCall<T>(T? Call, MesosCodec Codec)
    where T : class;
