using System.Runtime.CompilerServices;
using MesosConsole.Mesos.State;
using MesosConsole.Web.Cluster;
using Microsoft.AspNetCore.SignalR;

namespace MesosConsole.Web.Hubs;

/// <summary>
/// <c>/hubs/cluster</c>: the live cluster for clients outside the Blazor circuit (pages read
/// <see cref="IClusterStateFeed"/> in-process instead). Every stream is fed by the process's one
/// subscription, so a thousand clients cost the master nothing more.
/// </summary>
public sealed class ClusterHub(IClusterStateFeed feed) : Hub<IClusterClient>
{
    public const string Path = "/hubs/cluster";

    /// <summary>
    /// Every known task's state first (the baseline), then each status update as it happens. Bounded
    /// by construction: the feed hands a slow client only its latest snapshot, and the diff against
    /// what this client last saw recovers every update in between.
    /// </summary>
    public async IAsyncEnumerable<TaskUpdate> StreamTaskUpdates([EnumeratorCancellation] CancellationToken cancellationToken)
    {
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
}
