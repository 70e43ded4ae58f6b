namespace MesosConsole.Web.Hubs;

public static class ClusterHubExtensions
{
    /// <summary>SignalR for <see cref="ClusterHub"/> (the Blazor circuit already uses it; this is idempotent).</summary>
    public static IServiceCollection AddClusterHub(this IServiceCollection services)
    {
        services.AddSignalR();
        return services;
    }

    public static HubEndpointConventionBuilder MapClusterHub(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHub<ClusterHub>(ClusterHub.Path);
}
