using MesosConsole.Mesos.State;

namespace MesosConsole.Web.Cluster;

/// <summary>
/// The cluster as one live feed, shared by every page and browser: the current snapshot, then each
/// newer one. Pages depend on this rather than on <see cref="ClusterStateStore"/> so bUnit tests can
/// drive them from a channel.
/// </summary>
public interface IClusterStateFeed
{
    /// <summary>The latest snapshot; <see cref="ClusterSnapshot.Empty"/> before the first one.</summary>
    ClusterSnapshot Current { get; }

    /// <summary>The current snapshot at once, then newer ones (a slow reader skips to the latest).</summary>
    IAsyncEnumerable<ClusterSnapshot> WatchAsync(CancellationToken cancellationToken);
}
