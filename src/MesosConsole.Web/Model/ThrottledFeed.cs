using System.Runtime.CompilerServices;
using MesosConsole.Mesos.State;
using MesosConsole.Web.Cluster;

namespace MesosConsole.Web.Model;

public static class ThrottledFeed
{
    /// <summary>
    /// The feed's snapshots, at most one per <paramref name="interval"/> on <paramref name="time"/>:
    /// the first at once, and one that comes sooner after the previous waits out the rest of the
    /// interval, then the latest snapshot is yielded in its place. Keeps a busy cluster from
    /// re-rendering a page more often than anyone can read it.
    /// </summary>
    public static async IAsyncEnumerable<ClusterSnapshot> ThrottleAsync(this IClusterStateFeed feed, TimeSpan interval,
        TimeProvider time, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long? yieldedAt = null;
        var yieldedVersion = -1L;
        await foreach (var snapshot in feed.WatchAsync(cancellationToken))
        {
            var latest = snapshot;
            if (yieldedAt is { } at && time.GetElapsedTime(at) is var elapsed && elapsed < interval)
            {
                await Task.Delay(interval - elapsed, time, cancellationToken);
            }

            // Whatever arrived meanwhile supersedes this one: yield the newest there is.
            if (feed.Current is var current && current.Version > latest.Version)
            {
                latest = current;
            }

            // The watch may still hand out what was yielded in its place.
            if (latest.Version <= yieldedVersion)
            {
                continue;
            }

            yieldedVersion = latest.Version;
            yieldedAt = time.GetTimestamp();
            yield return latest;
        }
    }
}
