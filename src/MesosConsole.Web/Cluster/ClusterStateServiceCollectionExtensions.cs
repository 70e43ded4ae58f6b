using MesosConsole.Mesos.Client;
using MesosConsole.Mesos.State;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MesosConsole.Web.Cluster;

public static class ClusterStateServiceCollectionExtensions
{
    /// <summary>
    /// One <see cref="ClusterStateStore"/> per process, as a hosted service and as the
    /// <see cref="IClusterStateFeed"/> pages read. Each (re)subscription asks the
    /// <see cref="ClusterConnection"/> for the leader anew, so a failover is followed. Needs
    /// <see cref="ClusterServiceCollectionExtensions.AddClusterConnection"/>.
    /// </summary>
    public static IServiceCollection AddClusterState(this IServiceCollection services)
    {
        services.AddOptions<ClusterStateStoreOptions>();
        services.TryAddSingleton(sp => new ClusterStateService(new ClusterStateStore(
            Connect(sp), sp.GetRequiredService<IOptions<ClusterStateStoreOptions>>().Value, sp.GetRequiredService<TimeProvider>())));
        services.TryAddSingleton<IClusterStateFeed>(sp => sp.GetRequiredService<ClusterStateService>());
        services.AddHostedService(sp => sp.GetRequiredService<ClusterStateService>());
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

        // Pinned to one leader for the whole subscription, so GET_MASTER and SUBSCRIBE name the same master.
        return async cancellationToken => await connection.ConnectToLeaderAsync(cancellationToken);
    }
}
