using System.Globalization;
using MesosConsole.LocalCluster.Master;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace MesosConsole.LocalCluster.Http;

/// <summary>
/// <c>/console/v1/allocator</c>: MesosConsole's own extension of the embedded master, which a real
/// Mesos master does not have (there it answers 404, and the console falls back to counters). The
/// allocator's decisions as NDJSON, and pause / resume / step for a teaching lab. See README.md.
/// </summary>
internal static class AllocatorEndpoint
{
    public const string Root = "/console/v1/allocator";

    private static readonly string Known =
        $"GET {Root}, GET {Root}/events, POST {Root}/pause, POST {Root}/resume, POST {Root}/step";

    public static void Map(WebApplication app, LocalMaster master)
    {
        app.Map(Root, context => Only(context, "GET", () => WriteStatusAsync(context, master)));
        app.Map(Root + "/events", context => Only(context, "GET", () => StreamAsync(context, master)));
        app.Map(Root + "/pause", context => Only(context, "POST", () =>
        {
            master.PauseAllocator();
            return WriteStatusAsync(context, master);
        }));
        app.Map(Root + "/resume", context => Only(context, "POST", () =>
        {
            master.ResumeAllocator();
            return WriteStatusAsync(context, master);
        }));
        app.Map(Root + "/step", context => Only(context, "POST", () => StepAsync(context, master)));

        // Anything else under /console/ is a mistake worth explaining rather than an empty 404.
        app.Map("/console/{**rest}", context => MesosHttp.WriteTextAsync(context, 404,
            $"No such console extension endpoint '{context.Request.Path}'. The embedded master serves: {Known}."));
    }

    private static Task Only(HttpContext context, string method, Func<Task> handle)
    {
        if (string.Equals(context.Request.Method, method, StringComparison.OrdinalIgnoreCase)
            || (method == "GET" && HttpMethods.IsHead(context.Request.Method)))
        {
            return handle();
        }

        context.Response.Headers.Allow = method;
        return MesosHttp.WriteTextAsync(context, 405,
            $"405 Method Not Allowed. {context.Request.Path} expects {method}, but received '{context.Request.Method}'.");
    }

    private static Task WriteStatusAsync(HttpContext context, LocalMaster master) =>
        MesosHttp.WriteJsonAsync(context, AllocatorDecisionJson.Status(
            master.AllocatorPaused, master.AllocationIntervalMs, master.DecisionFeed.SubscriberCount, master.AllocatorShares()));

    private static Task StepAsync(HttpContext context, LocalMaster master)
    {
        if (!master.AllocatorPaused)
        {
            return MesosHttp.WriteTextAsync(context, 409,
                $"The allocator is running a cycle every {master.AllocationIntervalMs} ms; pause it first (POST {Root}/pause), then step one cycle at a time.");
        }

        var offers = master.StepAllocator();
        return MesosHttp.WriteJsonAsync(context, System.Text.Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $$"""{"offers_made":{{offers}},"paused":true}""")));
    }

    private static async Task StreamAsync(HttpContext context, LocalMaster master)
    {
        var feed = master.DecisionFeed;
        var reader = feed.Subscribe(master.AllocationIntervalMs);
        try
        {
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            context.Response.StatusCode = 200;
            context.Response.ContentType = AllocatorDecisionJson.ContentType;
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.StartAsync(context.RequestAborted);
            var body = context.Response.Body;
            while (await reader.WaitToReadAsync(context.RequestAborted))
            {
                while (reader.TryRead(out var line))
                {
                    await body.WriteAsync(line, context.RequestAborted);
                }

                await body.FlushAsync(context.RequestAborted);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The watcher went away.
        }
        finally
        {
            feed.Unsubscribe(reader);
        }
    }
}
