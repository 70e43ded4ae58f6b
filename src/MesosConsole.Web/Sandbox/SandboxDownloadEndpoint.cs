using MesosConsole.Web.Cluster;

namespace MesosConsole.Web.Sandbox;

/// <summary>
/// <c>GET /sandbox/download?cluster=&amp;agent=&amp;path=</c>: a sandbox file through the console, which
/// streams the agent's <c>/files/download</c> to the browser. Agents are often not reachable from where
/// the user sits; the console is.
/// </summary>
public static class SandboxDownloadEndpoint
{
    public const string Path = "/sandbox/download";

    public static string UrlFor(string clusterId, string agentId, string path) =>
        $"sandbox/download?cluster={Uri.EscapeDataString(clusterId)}&agent={Uri.EscapeDataString(agentId)}&path={Uri.EscapeDataString(path)}";

    public static IEndpointConventionBuilder MapSandboxDownload(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, DownloadAsync);

    private static async Task DownloadAsync(HttpContext context, IClusterCatalog catalog)
    {
        var query = context.Request.Query;
        var clusterId = query["cluster"].ToString();
        var agentId = query["agent"].ToString();
        var path = query["path"].ToString();
        if (clusterId.Length == 0 || agentId.Length == 0 || path.Length == 0)
        {
            await PlainAsync(context, StatusCodes.Status400BadRequest, "Expecting 'cluster', 'agent' and 'path' in the query.");
            return;
        }

        if (catalog.Find(clusterId) is not { } cluster)
        {
            await PlainAsync(context, StatusCodes.Status404NotFound, $"There is no cluster \"{clusterId}\" in the console's catalog.");
            return;
        }

        Uri agentUrl;
        try
        {
            SandboxPaths.Validate(path);
            agentUrl = SandboxException.AgentUrl(cluster, agentId);
        }
        catch (SandboxException ex)
        {
            await PlainAsync(context, path.StartsWith('/') ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest, ex.Message);
            return;
        }

        using var http = cluster.CreateHttpClient();
        HttpResponseMessage upstream;
        try
        {
            upstream = await new FilesApi(http, agentUrl).DownloadAsync(path, context.RequestAborted);
        }
        catch (FilesApiException ex)
        {
            // The agent's own refusal or silence is a bad gateway to the browser; a missing file is a 404.
            await PlainAsync(context, ex.Failure == FilesApiFailure.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status502BadGateway,
                ex.Message);
            return;
        }

        using (upstream)
        {
            var response = context.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/octet-stream";
            response.ContentLength = upstream.Content.Headers.ContentLength;
            // Our own header from the name, whatever the agent sent: task-chosen names must not inject headers.
            response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition
            {
                FileName = SandboxPaths.NameOf(path),
            }.ToString();
            await using var body = await upstream.Content.ReadAsStreamAsync(context.RequestAborted);
            await body.CopyToAsync(response.Body, context.RequestAborted);
        }
    }

    private static Task PlainAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message + "\n", context.RequestAborted);
    }
}
