using MesosConsole.Mesos.State;
using MesosConsole.Web.Model;
using MesosConsole.Web.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MesosConsole.Web.Tests.Model;

public sealed class ThrottledFeedTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly FakeClusterStateFeed _feed = new();
    private readonly FakeTimeProvider _time = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThrottleAsync_First_YieldsTheCurrentSnapshotAtOnce()
    {
        _feed.Publish(Mock.Snapshot());

        var first = await _feed.ThrottleAsync(Interval, _time, Token).FirstAsync(Token);

        Assert.Equal(1, first.Version);
    }

    [Fact]
    public async Task ThrottleAsync_BurstWithinTheInterval_YieldsOnlyTheLatestOnceTheIntervalIsOver()
    {
        _feed.Publish(Mock.Snapshot());
        await using var snapshots = _feed.ThrottleAsync(Interval, _time, Token).GetAsyncEnumerator(Token);
        Assert.True(await snapshots.MoveNextAsync());

        _feed.Publish(Mock.Snapshot());
        _feed.Publish(Mock.Snapshot());
        _feed.Publish(Mock.Snapshot());
        var next = snapshots.MoveNextAsync().AsTask();
        Assert.False(next.IsCompleted);
        _time.Advance(Interval);

        Assert.True(await next);
        Assert.Equal(4, snapshots.Current.Version);
    }

    [Fact]
    public async Task ThrottleAsync_UpdateAfterAQuietInterval_YieldsItAtOnce()
    {
        _feed.Publish(Mock.Snapshot());
        await using var snapshots = _feed.ThrottleAsync(Interval, _time, Token).GetAsyncEnumerator(Token);
        Assert.True(await snapshots.MoveNextAsync());

        _time.Advance(Interval);
        _feed.Publish(ClusterSnapshot.Empty);

        Assert.True(await snapshots.MoveNextAsync());
        Assert.Equal(2, snapshots.Current.Version);
    }
}
