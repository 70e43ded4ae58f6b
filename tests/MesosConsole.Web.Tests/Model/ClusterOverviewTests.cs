using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Master;
using MesosConsole.Web.Model;
using MesosConsole.Web.Tests.Support;

namespace MesosConsole.Web.Tests.Model;

public sealed class ClusterOverviewTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 20, 20, 0, TimeSpan.Zero);

    [Fact]
    public void From_Master_TakesTheLeadersIdentityAndElectionTime()
    {
        var overview = ClusterOverview.From(Mock.Master(pid: "master@10.0.0.5:5050", hostname: "m1", electedTime: 1795637908.5), new GetState(), Now);

        Assert.Equal(new LeaderSummary(Mock.MasterId, "master@10.0.0.5:5050", "m1", "1.11.0",
            new DateTimeOffset(2026, 11, 25, 20, 18, 28, 500, TimeSpan.Zero)), overview.Leader);
        Assert.Equal(Now, overview.ReadAt);
    }

    [Fact]
    public void From_MasterWithoutHostname_FallsBackToItsAddress()
    {
        var master = Mock.Master();
        master.MasterInfo!.Hostname = null;
        master.MasterInfo.Address = new Address { Ip = "10.0.0.5", Port = 5050 };

        Assert.Equal("10.0.0.5", ClusterOverview.From(master, new GetState(), Now).Leader.Hostname);
    }

    [Fact]
    public void From_State_CountsActiveAndInactiveAgentsAndFrameworks()
    {
        var overview = ClusterOverview.From(Mock.Master(), Mock.State(activeAgents: 3, inactiveAgents: 2, frameworks: 4), Now);

        Assert.Equal(new AgentCounts(Active: 3, Inactive: 2), overview.Agents);
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

        var overview = ClusterOverview.From(Mock.Master(), new GetState { GetTasks = tasks }, Now);

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
    public void From_EmptyState_HasNoAgentsFrameworksOrTasks()
    {
        var overview = ClusterOverview.From(new GetMaster(), new GetState(), Now);

        Assert.Equal((0, 0, 0), (overview.Agents.Total, overview.Frameworks, overview.Tasks.Count));
        Assert.Null(overview.Leader.ElectedAt);
    }
}
