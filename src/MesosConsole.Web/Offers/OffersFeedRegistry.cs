using MesosConsole.Web.Cluster;

namespace MesosConsole.Web.Offers;

/// <summary>
/// One <see cref="OffersFeed"/> per cluster, shared by every page that watches it: the first viewer
/// starts it, the last one to leave stops it, so a cluster nobody is looking at costs nothing (the
/// allocator, too, only explains itself while someone listens).
/// </summary>
public sealed class OffersFeedRegistry(TimeProvider time) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<IConsoleCluster, (OffersFeed Feed, int Viewers)> _feeds = new(ReferenceEqualityComparer.Instance);

    /// <summary>How many clusters are being watched (for tests and diagnostics).</summary>
    public int ActiveFeeds
    {
        get
        {
            lock (_gate)
            {
                return _feeds.Count;
            }
        }
    }

    /// <summary>The feed of <paramref name="cluster"/> while someone watches it, else null.</summary>
    internal OffersFeed? Find(IConsoleCluster cluster)
    {
        lock (_gate)
        {
            return _feeds.TryGetValue(cluster, out var entry) ? entry.Feed : null;
        }
    }

    /// <summary>Starts watching (or joins the watch of) <paramref name="cluster"/>; dispose the lease to leave.</summary>
    public OffersFeedLease Watch(IConsoleCluster cluster)
    {
        lock (_gate)
        {
            if (_feeds.TryGetValue(cluster, out var entry))
            {
                _feeds[cluster] = (entry.Feed, entry.Viewers + 1);
                return new OffersFeedLease(this, entry.Feed);
            }

            var feed = new OffersFeed(cluster, time);
            _feeds[cluster] = (feed, 1);
            feed.Start();
            return new OffersFeedLease(this, feed);
        }
    }

    internal ValueTask ReleaseAsync(OffersFeed feed)
    {
        lock (_gate)
        {
            if (!_feeds.TryGetValue(feed.Cluster, out var entry) || entry.Feed != feed)
            {
                return ValueTask.CompletedTask;
            }

            if (entry.Viewers > 1)
            {
                _feeds[feed.Cluster] = (feed, entry.Viewers - 1);
                return ValueTask.CompletedTask;
            }

            _feeds.Remove(feed.Cluster);
        }

        return feed.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        List<OffersFeed> feeds;
        lock (_gate)
        {
            feeds = [.. _feeds.Values.Select(e => e.Feed)];
            _feeds.Clear();
        }

        foreach (var feed in feeds)
        {
            await feed.DisposeAsync();
        }
    }
}

/// <summary>A viewer's hold on a shared <see cref="OffersFeed"/>.</summary>
public sealed class OffersFeedLease(OffersFeedRegistry registry, OffersFeed feed) : IAsyncDisposable
{
    private int _released;

    public OffersFeed Feed => feed;

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _released, 1) == 0 ? registry.ReleaseAsync(feed) : ValueTask.CompletedTask;
}
