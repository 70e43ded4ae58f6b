using MesosConsole.Mesos.Client;
using MesosConsole.Mesos.State;
using MesosConsole.Mesos.Tests.Support;
using MesosConsole.Mesos.V1;

namespace MesosConsole.Mesos.Tests.State;

/// <summary>The SUBSCRIBE stream recorded from a real Mesos 1.11 master, replayed through the real client into Apply.</summary>
public sealed class CapturedStreamReplayTests
{
    [Fact]
    public async Task Apply_RealMasterStream_EndsWithOneFrameworkAndOneRunningTask()
    {
        var token = TestContext.Current.CancellationToken;
        var client = new MesosOperatorClient(new HttpClient(new ScriptedHandler().AnswerWith("master_api_SUBSCRIBE_stream")),
            new Uri("http://master.example:5050"));

        var snapshot = ClusterSnapshot.Empty;
        await foreach (var e in client.SubscribeAsync(token))
        {
            snapshot = ClusterEvents.Apply(snapshot, e);
        }

        const string Prefix = "e86c8183-8577-4fa1-9928-b713c9c27ffa";
        var agent = Assert.Single(snapshot.Agents.Values);
        Assert.Equal($"{Prefix}-S0", agent.Id);
        Assert.Equal(new ResourceSummary(2, 23081, 252899, 0, 1001), agent.Total);
        var framework = Assert.Single(snapshot.Frameworks.Values);
        Assert.Equal("mesos-execute instance", framework.Name);
        Assert.Equal(FrameworkStatus.Active, framework.Status);
        Assert.Equal(["*"], framework.Roles);
        var task = Assert.Single(snapshot.Tasks.Values);
        Assert.Equal(new TaskKey($"{Prefix}-0000", "reference-sleep"), task.Key);
        Assert.Equal(TaskState.TaskRunning, task.State);
        Assert.Equal(agent.Id, task.AgentId);
        Assert.Equal([TaskState.TaskStarting, TaskState.TaskRunning], task.Timeline.Select(t => t.State));
        Assert.All(task.Timeline, t => Assert.Equal(TaskStatusSource.SourceExecutor, t.Source));
        Assert.True(task.Timeline[0].Timestamp < task.Timeline[1].Timestamp);
        // SUBSCRIBED, FRAMEWORK_ADDED, TASK_ADDED and two TASK_UPDATED change the state; the HEARTBEATs do not.
        Assert.Equal(5, snapshot.Version);
    }
}
