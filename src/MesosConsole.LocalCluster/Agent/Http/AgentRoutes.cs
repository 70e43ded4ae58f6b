using MesosConsole.LocalCluster.Files;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MesosConsole.LocalCluster.Agent.Http;

/// <summary>
/// The agent's HTTP surface. As in libprocess, the agent's process endpoints answer both under their
/// process id (<c>/slave(1)/state</c>, what the web UI builds from the pid) and un-prefixed (<c>/state</c>).
/// </summary>
internal static class AgentRoutes
{
    public static void Map(IEndpointRouteBuilder endpoints, LocalAgent agent)
    {
        var state = new AgentStateEndpoint(agent);
        var operatorApi = new AgentOperatorEndpoint(agent);
        foreach (var prefix in new[] { "", $"/slave({agent.Runtime.Settings.Index})" })
        {
            endpoints.MapGet(prefix + "/state", state.HandleAsync);
            endpoints.MapGet(prefix + "/state.json", state.HandleAsync);
            endpoints.MapGet(prefix + "/flags", context => AgentFlags.HandleAsync(context, agent.Runtime));
            endpoints.MapGet(prefix + "/health", HealthAsync);
            endpoints.Map(prefix + "/api/v1", operatorApi.HandleAsync);
        }

        endpoints.MapGet("/version", VersionAsync);
        endpoints.MapGet("/metrics/snapshot", context => AgentMetrics.HandleAsync(context, agent));
        endpoints.MapMesosFiles(agent.Files);
    }

    /// <summary>200 with an empty body and no Content-Type, as the real agent answers.</summary>
    private static Task HealthAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    private static Task VersionAsync(HttpContext context) =>
        MesosResponses.WriteJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("build_date", ClusterVersion.BuildDate);
            writer.WriteNumber("build_time", ClusterVersion.BuildTime);
            writer.WriteString("build_user", ClusterVersion.BuildUser);
            writer.WriteString("version", ClusterVersion.Version);
            writer.WriteEndObject();
        });
}
