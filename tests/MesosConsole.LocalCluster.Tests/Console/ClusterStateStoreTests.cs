using MesosConsole.LocalCluster.Tests.Support;
using MesosConsole.Mesos.Client;
using MesosConsole.Mesos.State;
using TaskState = MesosConsole.Mesos.V1.TaskState;

namespace MesosConsole.LocalCluster.Tests.Console;

/// <summary>
/// The console's state store against the embedded cluster, through the public operator API only.
/// Heartbeats stay at the default ("always") on purpose: the JSON stream then carries HEARTBEAT,
/// which the store must pass over.
/// </summary>
public sealed class ClusterStateStoreTests
{
    [Fact]
    public async Task Store_FollowsATaskLaunchedByAFramework_ToFinished()
    {
        var token = TestContext.Current.CancellationToken;
        await using var cluster = await TestCluster.StartAsync();
        // The event stream stays open for the whole test: no HttpClient timeout may cut it.
        using var http = new HttpClient(MesosHttp.CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        await using var store = new ClusterStateStore(new MesosOperatorClient(http, cluster.MasterUrl));
        await store.StartAsync(token);

        await using var scheduler = await TestScheduler.SubscribeAsync(cluster.MasterUrl);
        var offer = (await scheduler.NextOffersAsync())[0];
        await scheduler.LaunchAsync(offer, TestScheduler.CommandTask("hello", offer.AgentId!, "true"));
        await scheduler.NextUpdateAckingAsync("hello", s => s.State == TaskState.TaskFinished);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var snapshot = await store.WatchAsync(timeout.Token).FirstAsync(
            s => s.Connected && s.Agents.Count == 3 && s.TasksWithId("hello").Any(t => t.State == TaskState.TaskFinished),
            timeout.Token);

        var task = snapshot.TasksWithId("hello").Single();
        Assert.Equal(scheduler.FrameworkId.Value, task.FrameworkId);
        Assert.Equal(offer.AgentId!.Value, task.AgentId);
        Assert.Equal([TaskState.TaskStarting, TaskState.TaskRunning, TaskState.TaskFinished], task.Timeline.Select(t => t.State));
        Assert.Equal(FrameworkStatus.Active, snapshot.Frameworks[scheduler.FrameworkId.Value].Status);
        Assert.NotNull(snapshot.Leader);
        Assert.All(snapshot.Agents.Values, a => Assert.Equal(4, a.Total.Cpus));
        Assert.Null(snapshot.Error);
    }
}
