using System.Runtime.CompilerServices;
using MesosConsole.Mesos.State;
using MesosConsole.Web.Cluster;
using MesosConsole.Web.Sandbox;
using Microsoft.AspNetCore.Mvc;
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

    /// <summary>
    /// A sandbox file's lines as the agent's task writes them: the recent tail first, then batches of
    /// new lines. Fed by the same shared tailer as the console's pages (one per file, however many
    /// watch); a client that reads too slowly loses the oldest waiting lines and is told how many.
    /// </summary>
    public IAsyncEnumerable<SandboxFileBatch> StreamSandboxFile(string clusterId, string agentId, string path,
        [FromServices] SandboxTailers tailers, CancellationToken cancellationToken)
    {
        var cluster = FindCluster(clusterId);
        IAsyncEnumerable<LogBatch> feed;
        try
        {
            feed = tailers.Follow(cluster, agentId, path);
        }
        catch (SandboxException ex)
        {
            throw new HubException(ex.Message);
        }

        return ToBatchesAsync(feed, cancellationToken);
    }

    private static async IAsyncEnumerable<SandboxFileBatch> ToBatchesAsync(IAsyncEnumerable<LogBatch> feed,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in feed.WithCancellation(cancellationToken))
        {
            yield return SandboxFileBatch.Of(batch);
        }
    }

    /// <summary>The cluster named, or a <see cref="HubException"/> the client sees with its message.</summary>
    internal IConsoleCluster FindCluster(string clusterId) =>
        catalog.Find(clusterId) ?? throw new HubException($"There is no cluster \"{clusterId}\" in the console's catalog.");
}
