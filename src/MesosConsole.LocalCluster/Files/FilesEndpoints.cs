using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MesosConsole.LocalCluster.Files;

/// <summary>
/// The files API (<c>/files/browse|read|download|debug</c>, also under Mesos's older <c>.json</c> names)
/// over one <see cref="SandboxFiles"/>. Agents serve their sandboxes with it; a master can serve its own
/// attachments the same way.
/// </summary>
public static class FilesEndpoints
{
    private const string MissingPath = "Expecting 'path=value' in query.\n";

    public static IEndpointRouteBuilder MapMesosFiles(this IEndpointRouteBuilder endpoints, SandboxFiles files)
    {
        foreach (var suffix in new[] { "", ".json" })
        {
            endpoints.MapGet("/files/browse" + suffix, context => BrowseAsync(context, files));
            endpoints.MapGet("/files/read" + suffix, context => ReadAsync(context, files));
            endpoints.MapGet("/files/download" + suffix, context => DownloadAsync(context, files));
            endpoints.MapGet("/files/debug" + suffix, context => DebugAsync(context, files));
        }

        return endpoints;
    }

    private static async Task BrowseAsync(HttpContext context, SandboxFiles files)
    {
        if (await ResolveAsync(context, files) is not { } resolved)
        {
            return;
        }

        var (requested, real) = resolved;
        var entries = FileListing.List(requested, real);
        await MesosResponses.WriteJsonAsync(context, writer =>
        {
            writer.WriteStartArray();
            foreach (var entry in entries)
            {
                var status = entry.Status;
                writer.WriteStartObject();
                writer.WriteString("gid", status.Gid);
                writer.WriteString("mode", FileModeText.Format(status.Mode));
                writer.WriteNumber("mtime", (double)status.MtimeSeconds);
                writer.WriteNumber("nlink", status.Nlink);
                writer.WriteString("path", entry.Path);
                writer.WriteNumber("size", status.Size);
                writer.WriteString("uid", status.Uid);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    private static async Task ReadAsync(HttpContext context, SandboxFiles files)
    {
        if (await ResolveAsync(context, files) is not { } resolved)
        {
            return;
        }

        var real = resolved.Real;
        if (!ReadQuery.TryParse(context.Request.Query, out var query, out var error))
        {
            await MesosResponses.WritePlainAsync(context, StatusCodes.Status400BadRequest, error);
            return;
        }

        if (Directory.Exists(real))
        {
            await MesosResponses.WritePlainAsync(context, StatusCodes.Status400BadRequest, "Cannot read a directory.\n");
            return;
        }

        // offset=-1 is the size probe tailers start with: no data, the offset to read from next.
        var probe = query.Offset == -1;
        var chunk = await FileChunkReader.ReadAsync(real, probe ? 0 : query.Offset, probe ? 0 : query.Length,
            wholeCharacters: true, context.RequestAborted);
        var text = Encoding.UTF8.GetString(chunk.Data.Span);
        await MesosResponses.WriteJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("data", text);
            writer.WriteNumber("offset", probe ? chunk.Size : query.Offset);
            writer.WriteEndObject();
        });
    }

    private static async Task DownloadAsync(HttpContext context, SandboxFiles files)
    {
        if (await ResolveAsync(context, files) is not { } resolved)
        {
            return;
        }

        var real = resolved.Real;
        if (Directory.Exists(real))
        {
            await MesosResponses.WritePlainAsync(context, StatusCodes.Status400BadRequest, "Cannot download a directory.\n");
            return;
        }

        // Send the size measured now: the task may keep appending while we stream.
        var length = new System.IO.FileInfo(real).Length;
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/octet-stream";
        response.ContentLength = length;
        response.Headers.ContentDisposition = "attachment; filename=" + HeaderSafe(Path.GetFileName(real));
        await response.SendFileAsync(real, 0, length, context.RequestAborted);
    }

    private static Task DebugAsync(HttpContext context, SandboxFiles files) =>
        MesosResponses.WriteJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            foreach (var (virtualPath, realPath) in files.Attachments())
            {
                writer.WriteString(virtualPath, realPath);
            }

            writer.WriteEndObject();
        });

    /// <summary>The requested and real path, or null once a 400 (no path) or 404 (not served) has been sent.</summary>
    private static async Task<(string Requested, string Real)?> ResolveAsync(HttpContext context, SandboxFiles files)
    {
        var requested = context.Request.Query["path"].ToString();
        if (requested.Length == 0)
        {
            await MesosResponses.WritePlainAsync(context, StatusCodes.Status400BadRequest, MissingPath);
            return null;
        }

        if (files.Resolve(requested) is not { } real)
        {
            await MesosResponses.WritePlainAsync(context, StatusCodes.Status404NotFound, "");
            return null;
        }

        return (requested, real);
    }

    /// <summary>File names come from tasks; keep control characters out of the header.</summary>
    private static string HeaderSafe(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(c < ' ' || c == 0x7f ? '_' : c);
        }

        return builder.ToString();
    }
}
