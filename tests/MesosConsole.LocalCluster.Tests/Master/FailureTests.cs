using MesosConsole.LocalCluster.Tests.Support;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Scheduler;
using MasterEventType = MesosConsole.Mesos.V1.Master.EventType;
using TaskState = MesosConsole.Mesos.V1.TaskState;

namespace MesosConsole.LocalCluster.Tests.Master;

/// <summary>What happens when frameworks or agents go away.</summary>
public sealed class FailureTests
{
    [Fact]
    public async Task Disconnect_WithZeroFailoverTimeout_RemovesTheFrameworkAndKillsItsTasks()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.Agents = 1);
        await using var events = await OperatorStream.OpenAsync(cluster.MasterUrl);
        var scheduler = await TestScheduler.SubscribeAsync(cluster.MasterUrl, new FrameworkInfo { User = "t", Name = "ephemeral", FailoverTimeout = 0 });
        var offer = (await scheduler.NextOffersAsync())[0];
        await scheduler.LaunchAsync(offer, TestScheduler.CommandTask("orphan", offer.AgentId!, "sleep 1000"));
        await events.NextAsync(e => e.TaskUpdated?.State == TaskState.TaskRunning);

        await scheduler.DisposeAsync();

        var removed = await events.NextAsync(e => e.Type == MasterEventType.FrameworkRemoved);
        Assert.Equal(scheduler.FrameworkId, removed.FrameworkRemoved!.FrameworkInfo!.Id);
        var tasks = (await Operator.CallAsync(cluster.MasterUrl, Mesos.V1.Master.CallType.GetTasks)).GetTasks!;
        Assert.Empty(tasks.Tasks ?? []);
        Assert.Equal(TaskState.TaskKilled, Assert.Single(tasks.CompletedTasks!).State);
    }

    [Fact]
    public async Task AgentThatStopsAnswering_IsRemovedAndItsTasksReportedLost()
    {
        await using var cluster = await TestCluster.StartAsync(o =>
        {
            o.Agents = 2;
            o.AgentPingTimeoutSeconds = 0.5;
        });
        await using var events = await OperatorStream.OpenAsync(cluster.MasterUrl);
        await using var scheduler = await TestScheduler.SubscribeAsync(cluster.MasterUrl);
        var offer = (await scheduler.NextOffersAsync())[0];
        await scheduler.LaunchAsync(offer, TestScheduler.CommandTask("stranded", offer.AgentId!, "sleep 1000"));
        await scheduler.NextUpdateAckingAsync("stranded", s => s.State == TaskState.TaskRunning);

        var agent = cluster.Agents.Single(a => a.Id == offer.AgentId);
        await agent.StopHttpAsync();

        var removed = await events.NextAsync(e => e.Type == MasterEventType.AgentRemoved);
        Assert.Equal(offer.AgentId, removed.AgentRemoved!.AgentId);
        var lost = (await scheduler.NextUpdateAsync("stranded", s => s.State == TaskState.TaskLost)).Update!.Status!;
        Assert.Equal(TaskStatusReason.ReasonAgentRemoved, lost.Reason);
        Assert.Equal(TaskStatusSource.SourceMaster, lost.Source);
        await scheduler.NextAsync(e => e.Type == EventType.Failure && e.Failure!.AgentId == offer.AgentId);
        var agents = (await Operator.CallAsync(cluster.MasterUrl, Mesos.V1.Master.CallType.GetAgents)).GetAgents!;
        Assert.Equal(cluster.AgentUrls.Count - 1, agents.Agents!.Count);
    }
}
