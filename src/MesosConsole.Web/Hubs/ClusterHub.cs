using System.Runtime.CompilerServices;
using MesosConsole.Mesos.State;
using MesosConsole.Web.Cluster;
using Microsoft.AspNetCore.SignalR;

namespace MesosConsole.Web.Hubs;

/// <summary>
/// <c>/hubs/cluster</c>: the live cluster for clients outside the Blazor circuit (pages read
/// <see cref="IClusterStateFeed"/> in-process instead). Every stream is fed by the process's one
/// subscription per cluster, so a thousand clients cost the master nothing more. Streams name the
/// cluster by its catalog id (<see cref="ClusterInfo.DefaultId"/> for the configured one).
/// </summary>
public sealed class ClusterHub(IClusterCatalog catalog) : Hub<IClusterClient>
{
    public const string Path = "/hubs/cluster";

    /// <summary>
    /// Every known task's state first (the baseline), then each status update as it happens. Bounded
    /// by construction: the feed hands a slow client only its latest snapshot, and the diff against
    /// what this client last saw recovers every update in between.
    /// </summary>
    public async IAsyncEnumerable<TaskUpdate> StreamTaskUpdates(string clusterId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var feed = FindCluster(clusterId).State;
        ClusterSnapshot? seen = null;
        await foreach (var snapshot in feed.WatchAsync(cancellationToken))
        {
            foreach (var update in TaskUpdate.Diff(seen, snapshot))
            {
                yield return update;
            }

            seen = snapshot;
        }
    }

    /// <summary>The cluster named, or a <see cref="HubException"/> the client sees with its message.</summary>
    internal IConsoleCluster FindCluster(string clusterId) =>
        catalog.Find(clusterId) ?? throw new HubException($"There is no cluster \"{clusterId}\" in the console's catalog.");
}
