using MesosConsole.Mesos.Client;
using MesosConsole.Mesos.State;
using MesosConsole.Mesos.V1;
using Microsoft.Extensions.Time.Testing;

namespace MesosConsole.Mesos.Tests.State;

public sealed class ClusterStateStoreTests : IAsyncDisposable
{
    private readonly FakeOperatorClient _master = new()
    {
        State = Wire.State(agents: [Wire.Agent("S0"), Wire.Agent("S1")], frameworks: [Wire.Framework("F0")]),
    };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
    private readonly ClusterStateStore _store;

    public ClusterStateStoreTests() => _store = new ClusterStateStore(_master,
        new ClusterStateStoreOptions { InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(5) }, _time);

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The first snapshot matching <paramref name="match"/>; a generous cap turns a lost update into a failure, not a hang.</summary>
    private Task<ClusterSnapshot> WaitForAsync(Func<ClusterSnapshot, bool> match) => WaitForAsync(_store, match);

    private static async Task<ClusterSnapshot> WaitForAsync(ClusterStateStore store, Func<ClusterSnapshot, bool> match)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await store.WatchAsync(timeout.Token).FirstAsync(match, timeout.Token);
    }

    [Fact]
    public async Task WatchAsync_BeforeStart_YieldsTheEmptySnapshotFirst()
    {
        var first = await _store.WatchAsync(Token).FirstAsync(Token);

        Assert.Same(ClusterSnapshot.Empty, first);
        Assert.False(first.Connected);
    }

    [Fact]
    public async Task StartAsync_SubscribedSnapshot_IsPublishedConnectedWithTheLeader()
    {
        await _store.StartAsync(Token);

        var snapshot = await WaitForAsync(s => s.Connected);

        Assert.Equal(["S0", "S1"], snapshot.Agents.Keys.Order());
        Assert.Equal(FrameworkStatus.Active, snapshot.Frameworks["F0"].Status);
        Assert.Equal("M1", snapshot.Leader?.Id);
        Assert.Equal("master.local", snapshot.Leader?.Hostname);
        Assert.Null(snapshot.Error);
        Assert.Same(snapshot, _store.Current);
    }

    [Fact]
    public async Task Events_AfterTheSnapshot_AreAppliedAsDeltas()
    {
        await _store.StartAsync(Token);
        await WaitForAsync(s => s.Connected);

        _master.Send(Wire.Heartbeat(), Wire.AgentRemoved("S1"), Wire.TaskAdded(Wire.Task("hello")),
            Wire.TaskUpdated(Wire.Status("hello", TaskState.TaskStarting, 10)),
            Wire.TaskUpdated(Wire.Status("hello", TaskState.TaskRunning, 11)));
        var snapshot = await WaitForAsync(s => s.TasksWithId("hello").Any(t => t.State == TaskState.TaskRunning));

        Assert.Equal(["S0"], snapshot.Agents.Keys);
        Assert.Equal([TaskState.TaskStarting, TaskState.TaskRunning],
            snapshot.TasksWithId("hello").Single().Timeline.Select(t => t.State));
    }

    [Fact]
    public async Task WatchAsync_SlowWatcher_SkipsToTheLatestSnapshot()
    {
        await _store.StartAsync(Token);
        await WaitForAsync(s => s.Connected);
        await using var slow = _store.WatchAsync(Token).GetAsyncEnumerator(Token);
        Assert.True(await slow.MoveNextAsync());
        var before = slow.Current.Version;

        _master.Send(Wire.TaskAdded(Wire.Task("a")), Wire.TaskAdded(Wire.Task("b")), Wire.TaskAdded(Wire.Task("c")));
        var latest = await WaitForAsync(s => s.Tasks.Count == 3);
        Assert.True(await slow.MoveNextAsync());

        Assert.Equal(before + 3, latest.Version);
        Assert.Same(latest, slow.Current);
    }

    [Fact]
    public async Task StreamFailure_MarksDisconnected_ThenResubscribesAfterTheBackoffAndReplacesTheState()
    {
        await _store.StartAsync(Token);
        await WaitForAsync(s => s.Connected);
        _master.Send(Wire.TaskAdded(Wire.Task("hello")));
        await WaitForAsync(s => s.Tasks.Count == 1);

        _master.State = Wire.State(agents: [Wire.Agent("S7")]);
        _master.BreakStream(new MesosApiException("SUBSCRIBE at http://m:5050/api/v1: the event stream broke"));
        var down = await WaitForAsync(s => !s.Connected);

        Assert.Equal("SUBSCRIBE at http://m:5050/api/v1: the event stream broke", down.Error);
        Assert.Equal(_time.GetUtcNow().AddSeconds(1), down.RetryAt);
        Assert.Single(down.Tasks); // the last known state stays on screen while disconnected
        Assert.Equal(1, _master.Subscriptions);

        _time.Advance(TimeSpan.FromSeconds(1));
        var up = await WaitForAsync(s => s.Connected);

        Assert.Equal(2, _master.Subscriptions);
        Assert.Equal(["S7"], up.Agents.Keys);
        Assert.Empty(up.Tasks);
        Assert.Empty(up.Frameworks);
        Assert.Null(up.Error);
        Assert.Null(up.RetryAt);
    }

    [Fact]
    public async Task StreamEnd_IsReportedAsAClosedStream()
    {
        await _store.StartAsync(Token);
        await WaitForAsync(s => s.Connected);

        _master.BreakStream(error: null);
        var down = await WaitForAsync(s => !s.Connected);

        Assert.Equal("The master closed the event stream.", down.Error);
    }

    [Fact]
    public async Task FailuresInARow_DoubleTheWaitUpToTheCap_AndASuccessResetsIt()
    {
        _master.Failure = new MesosApiException("connection refused");
        await _store.StartAsync(Token);

        int[] waits = [1, 2, 4, 5, 5];
        for (var i = 0; i < waits.Length; i++)
        {
            var down = await WaitForAsync(s => s.RetryAt is { } at && at == _time.GetUtcNow().AddSeconds(waits[i]));
            Assert.Equal("connection refused", down.Error);
            Assert.False(down.Connected);
            if (i == waits.Length - 1)
            {
                _master.Failure = null; // the master is back before the last retry
            }

            _time.Advance(TimeSpan.FromSeconds(waits[i]));
        }

        await WaitForAsync(s => s.Connected);

        _master.BreakStream(new MesosApiException("gone"));
        var again = await WaitForAsync(s => !s.Connected);

        Assert.Equal(_time.GetUtcNow().AddSeconds(1), again.RetryAt);
    }

    [Fact]
    public async Task DisposeAsync_EndsEveryWatcher()
    {
        await _store.StartAsync(Token);
        await WaitForAsync(s => s.Connected);
        var watching = _store.WatchAsync(Token).CountAsync(Token);

        await _store.DisposeAsync();

        Assert.True(await watching.AsTask().WaitAsync(TimeSpan.FromSeconds(10), Token) >= 1);
    }

    [Fact]
    public async Task SilentStream_WithTheHeartbeatCheckOn_IsDroppedAfterTheMissedHeartbeats()
    {
        // SUBSCRIBED announces 15 s heartbeats, so three missed ones are 45 s of silence.
        await using var store = new ClusterStateStore(_master, new ClusterStateStoreOptions { MissedHeartbeatsBeforeReconnect = 3 }, _time);
        await store.StartAsync(Token);
        await WaitForAsync(store, s => s.Connected);

        // Any event restarts the count: 30 s, an event, 30 s more is not 45 s of silence.
        _time.Advance(TimeSpan.FromSeconds(30));
        _master.Send(Wire.TaskAdded(Wire.Task("a")));
        await WaitForAsync(store, s => s.Tasks.Count == 1);
        _time.Advance(TimeSpan.FromSeconds(30));
        _master.Send(Wire.TaskAdded(Wire.Task("b")));
        var alive = await WaitForAsync(store, s => s.Tasks.Count == 2);
        Assert.True(alive.Connected);
        Assert.Equal(1, _master.Subscriptions);

        _time.Advance(TimeSpan.FromSeconds(45));
        var down = await WaitForAsync(store, s => !s.Connected);

        Assert.Equal("No event from the master for 45 s; the connection is presumed dead.", down.Error);
    }
}
