using System.Runtime.CompilerServices;
using System.Threading.Channels;
using MesosConsole.Mesos.State;
using MesosConsole.Web.Cluster;

namespace MesosConsole.Web.Tests.Support;

/// <summary>
/// The cluster feed in memory: the test publishes snapshots, each watcher gets the current one and
/// then what the channel brings. Numbers versions itself and counts open watches, so a test can tell
/// that a page stopped watching.
/// </summary>
public sealed class FakeClusterStateFeed : IClusterStateFeed
{
    private readonly Channel<ClusterSnapshot> _published = Channel.CreateUnbounded<ClusterSnapshot>();
    private ClusterSnapshot _current = ClusterSnapshot.Empty;
    private int _watchers;

    public ClusterSnapshot Current => Volatile.Read(ref _current);

    public int Watchers => Volatile.Read(ref _watchers);

    /// <summary>Makes <paramref name="snapshot"/> (with the next version) current and tells the watcher.</summary>
    public void Publish(ClusterSnapshot snapshot)
    {
        var next = snapshot with { Version = Current.Version + 1 };
        Volatile.Write(ref _current, next);
        _published.Writer.TryWrite(next);
    }

    public async IAsyncEnumerable<ClusterSnapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _watchers);
        try
        {
            yield return Current;
            await foreach (var snapshot in _published.Reader.ReadAllAsync(cancellationToken))
            {
                yield return snapshot;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _watchers);
        }
    }
}
