using System.Globalization;
using MesosConsole.LocalCluster.Master;
using MesosConsole.Mesos.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MesosConsole.LocalCluster.Http;

/// <summary>
/// Every path the master serves. Like libprocess, a path without a known process prefix is the
/// master's own (so /state ≡ /master/state and /api/v1/scheduler ≡ /master/api/v1/scheduler).
/// </summary>
internal static class MasterRoutes
{
    public static void Map(WebApplication app, LocalMaster master)
    {
        var scheduler = new SchedulerEndpoint(master);
        var operatorApi = new OperatorEndpoint(master);
        foreach (var prefix in new[] { "", "/master" })
        {
            app.Map(prefix + "/api/v1/scheduler", scheduler.HandleAsync);
            app.Map(prefix + "/api/v1", operatorApi.HandleAsync);
            app.MapGet(prefix + "/state", ctx => MesosHttp.WriteJsonAsync(ctx, master.StateJson()));
            app.MapGet(prefix + "/state.json", ctx => MesosHttp.WriteJsonAsync(ctx, master.StateJson()));
            app.MapGet(prefix + "/state-summary", ctx => MesosHttp.WriteJsonAsync(ctx, master.StateJson(summary: true)));
            app.MapGet(prefix + "/frameworks", ctx => MesosHttp.WriteJsonAsync(ctx, master.FrameworksJson(Query(ctx, "framework_id"))));
            app.MapGet(prefix + "/slaves", ctx => MesosHttp.WriteJsonAsync(ctx, master.SlavesJson(Query(ctx, "slave_id"))));
            app.MapGet(prefix + "/tasks", TasksAsync);
            app.MapGet(prefix + "/roles", ctx => MesosHttp.WriteJsonAsync(ctx, master.RolesJson()));
            app.MapGet(prefix + "/redirect", RedirectAsync);
            app.MapGet(prefix + "/health", ctx => Task.CompletedTask);
            app.MapPost(prefix + "/teardown", TeardownAsync);
        }

        app.MapGet("/version", ctx => MesosHttp.WriteJsonAsync(ctx, MesosJson.Serialize(ClusterVersion.Info)));
        app.MapGet("/metrics/snapshot", ctx => MesosHttp.WriteJsonAsync(ctx, master.MetricsJson()));
        app.MapGet("/files/debug", ctx => MesosHttp.WriteJsonAsync(ctx, "{}"u8.ToArray()));

        // MesosConsole's own extension (not a Mesos API): the allocator's decisions, pause and step.
        AllocatorEndpoint.Map(app, master);

        Task RedirectAsync(HttpContext context)
        {
            // Protocol-relative, host:port only: what browsers and mesos-go's redirect handling expect.
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = $"//{master.Hostname}:{master.Port}";
            return Task.CompletedTask;
        }

        Task TasksAsync(HttpContext context)
        {
            var limit = int.TryParse(Query(context, "limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 100;
            var offset = int.TryParse(Query(context, "offset"), NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
            var ascending = Query(context, "order") == "asc";
            return MesosHttp.WriteJsonAsync(context, master.TasksJson(limit, offset, ascending, Query(context, "framework_id"), Query(context, "task_id")));
        }

        async Task TeardownAsync(HttpContext context)
        {
            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : null;
            var id = form?["frameworkId"].ToString();
            if (string.IsNullOrEmpty(id))
            {
                await MesosHttp.WriteTextAsync(context, 400, "Missing 'frameworkId' query parameter in the request body");
                return;
            }

            if (!master.Teardown(new Mesos.V1.FrameworkID(id)))
            {
                await MesosHttp.WriteTextAsync(context, 400, $"No framework found with specified ID '{id}'");
            }
        }
    }

    private static string? Query(HttpContext context, string name) =>
        context.Request.Query.TryGetValue(name, out var value) && value.Count > 0 && value[0] is { Length: > 0 } v ? v : null;
}
