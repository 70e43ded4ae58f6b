using MesosConsole.Mesos.State;

namespace MesosConsole.Web.Cluster;

/// <summary>
/// The process's one <see cref="ClusterStateStore"/>: a single operator SUBSCRIBE per cluster, started
/// with the host and ended when it stops, however many browsers watch it.
/// </summary>
public sealed class ClusterStateService(ClusterStateStore store) : IClusterStateFeed, IHostedService, IAsyncDisposable
{
    public ClusterSnapshot Current => store.Current;

    public IAsyncEnumerable<ClusterSnapshot> WatchAsync(CancellationToken cancellationToken) => store.WatchAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => store.StartAsync(cancellationToken);

    /// <summary>Ends the subscription, which also ends every page's watch.</summary>
    public async Task StopAsync(CancellationToken cancellationToken) => await store.DisposeAsync();

    public ValueTask DisposeAsync() => store.DisposeAsync();
}
