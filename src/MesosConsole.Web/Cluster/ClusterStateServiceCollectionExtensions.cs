using MesosConsole.Mesos.Client;
using MesosConsole.Mesos.State;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MesosConsole.Web.Cluster;

public static class ClusterStateServiceCollectionExtensions
{
    /// <summary>
    /// The default cluster's <see cref="ClusterStateStore"/> as a hosted service and as the
    /// <see cref="IClusterStateFeed"/> singleton; the <see cref="IClusterCatalog"/> of every cluster
    /// (the default one and those stored in the database, each with its own subscription); and the
    /// per-circuit <see cref="ClusterSelection"/>. Each (re)subscription asks the connection for the
    /// leader anew, so a failover is followed. Needs
    /// <see cref="ClusterServiceCollectionExtensions.AddClusterConnection"/> and the console database.
    /// </summary>
    public static IServiceCollection AddClusterState(this IServiceCollection services)
    {
        services.AddOptions<ClusterStateStoreOptions>();
        services.TryAddSingleton(sp => new ClusterStateService(new ClusterStateStore(
            Connect(sp), sp.GetRequiredService<IOptions<ClusterStateStoreOptions>>().Value, sp.GetRequiredService<TimeProvider>())));
        services.TryAddSingleton<IClusterStateFeed>(sp => sp.GetRequiredService<ClusterStateService>());
        services.AddHostedService(sp => sp.GetRequiredService<ClusterStateService>());

        services.TryAddSingleton<ClusterCatalog>();
        services.TryAddSingleton<IClusterCatalog>(sp => sp.GetRequiredService<ClusterCatalog>());
        services.AddHostedService(sp => sp.GetRequiredService<ClusterCatalog>());
        services.TryAddScoped<ClusterSelection>();
        return services;
    }

    private static Func<CancellationToken, ValueTask<IMesosOperatorClient>> Connect(IServiceProvider services)
    {
        var connection = services.GetRequiredService<ClusterConnection>();
        var client = services.GetRequiredService<IMesosOperatorClient>();
        // An operator client registered in place of the connection's (tests) is used as it is.
        if (!ReferenceEquals(client, connection.Operator))
        {
            return _ => ValueTask.FromResult(client);
        }

        return SubscribeThrough(connection);
    }

    /// <summary>Pinned to one leader for the whole subscription, so GET_MASTER and SUBSCRIBE name the same master.</summary>
    internal static Func<CancellationToken, ValueTask<IMesosOperatorClient>> SubscribeThrough(ClusterConnection connection) =>
        async cancellationToken => await connection.ConnectToLeaderAsync(cancellationToken);
}
