using MesosConsole.Mesos.State;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Master;
using MesosConsole.Web.Model;
using MesosConsole.Web.Tests.Support;

namespace MesosConsole.Web.Tests.Model;

public sealed class ClusterOverviewTests
{
    [Fact]
    public void From_Snapshot_TakesTheLeadersIdentityAndElectionTime()
    {
        var overview = ClusterOverview.From(Mock.Snapshot(master: Mock.Master(pid: "master@10.0.0.5:5050", hostname: "m1", electedTime: 1795637908.5)));

        Assert.Equal(new LeaderSummary(Mock.MasterId, "master@10.0.0.5:5050", "m1", "1.11.0",
            new DateTimeOffset(2026, 11, 25, 20, 18, 28, 500, TimeSpan.Zero)), overview?.Leader);
    }

    [Fact]
    public void From_NeverConnected_IsNull()
    {
        Assert.Null(ClusterOverview.From(ClusterSnapshot.Empty with { Error = "cannot reach" }));
    }

    [Fact]
    public void From_Snapshot_CountsActiveAndInactiveAgentsAndRegisteredFrameworks()
    {
        var state = Mock.State(activeAgents: 3, inactiveAgents: 2, frameworks: 4);
        state.GetFrameworks!.CompletedFrameworks = [Mock.Framework(9)];

        var overview = ClusterOverview.From(Mock.Snapshot(state))!;

        Assert.Equal(new AgentCounts(Active: 3, Deactivated: 0, Disconnected: 2), overview.Agents);
        Assert.Equal(5, overview.Agents.Total);
        Assert.Equal(4, overview.Frameworks);
    }

    [Fact]
    public void From_TasksInEveryList_CountsThemByStateInLifecycleOrder()
    {
        var tasks = new GetTasks
        {
            PendingTasks = [Mock.Task(state: null, "pending")],
            Tasks = [.. Mock.Tasks(TaskState.TaskRunning, 2), Mock.Task(TaskState.TaskStaging, "staging")],
            UnreachableTasks = [Mock.Task(TaskState.TaskUnreachable, "unreachable")],
            CompletedTasks = [.. Mock.Tasks(TaskState.TaskFailed, 1), .. Mock.Tasks(TaskState.TaskFinished, 3)],
        };

        var overview = ClusterOverview.From(Mock.Snapshot(new GetState { GetTasks = tasks }))!;

        Assert.Equal(
        [
            new TaskStateCount(TaskState.TaskStaging, 2),
            new TaskStateCount(TaskState.TaskRunning, 2),
            new TaskStateCount(TaskState.TaskFinished, 3),
            new TaskStateCount(TaskState.TaskFailed, 1),
            new TaskStateCount(TaskState.TaskUnreachable, 1),
        ], overview.Tasks);
    }

    [Fact]
    public void From_ConfiguredMasters_ListsAllButTheLeaderAsStandbys()
    {
        // The leader is recognised by its pid's address as well as by hostname:port.
        var snapshot = Mock.Snapshot(master: Mock.Master(pid: "master@10.0.0.5:5050", hostname: "m1.example"));

        var overview = ClusterOverview.From(snapshot,
            [new Uri("http://m1.example:5050"), new Uri("http://10.0.0.5:5050"), new Uri("http://10.0.0.6:5050")])!;

        Assert.Equal(["10.0.0.6:5050"], overview.Standbys);
    }

    [Fact]
    public void From_EmptyState_HasNoAgentsFrameworksOrTasks()
    {
        var overview = ClusterOverview.From(Mock.Snapshot(new GetState(), new GetMaster { MasterInfo = new MasterInfo { Id = "m" } }))!;

        Assert.Equal((0, 0, 0), (overview.Agents.Total, overview.Frameworks, overview.Tasks.Count));
        Assert.Null(overview.Leader.ElectedAt);
    }

    [Fact]
    public void State_Disconnected_CarriesTheErrorAndRetryTimeButKeepsTheOverview()
    {
        var retryAt = new DateTimeOffset(2026, 11, 25, 20, 20, 2, TimeSpan.Zero);

        var state = ClusterOverviewState.From(Mock.Snapshot() with { Connected = false, Error = "gone", RetryAt = retryAt });

        Assert.Equal(("gone", retryAt), (state.Error, state.RetryAt));
        Assert.NotNull(state.Overview);
        Assert.False(state.IsLoading);
    }
}
