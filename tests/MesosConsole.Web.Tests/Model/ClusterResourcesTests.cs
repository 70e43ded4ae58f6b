using MesosConsole.Mesos.State;
using MesosConsole.Mesos.V1;
using MesosConsole.Web.Model;
using MesosConsole.Web.Tests.Pages;
using MesosConsole.Web.Tests.Support;

namespace MesosConsole.Web.Tests.Model;

public sealed class ClusterResourcesTests
{
    [Fact]
    public void Of_TaskOnAnAgentTheMasterRemoved_IsNotCountedAsAllocated()
    {
        var snapshot = new SnapshotBuilder().Agent("a1").Framework("f1", "one")
            .Task("f1", "t1", "a1", TaskState.TaskRunning, cpus: 1)
            .Task("f1", "t2", "gone", TaskState.TaskRunning, cpus: 2)
            .Build();

        var cpus = ResourceRow.Of(snapshot).Single(r => r.Name == "cpus");

        Assert.Equal((4, 1, 0, 3), (cpus.Total, cpus.Allocated, cpus.Offered, cpus.Idle));
    }

    [Fact]
    public void Idle_MoreAllocatedThanTotal_IsZeroNotNegative()
    {
        Assert.Equal(0, new ResourceRow("cpus", 1, 2, 0).Idle);
    }

    [Fact]
    public void AgentAttributes_FromTheWire_AreWrittenInMesosSyntax()
    {
        var state = Mock.State(activeAgents: 1);
        state.GetAgents!.Agents![0].AgentInfo!.Attributes =
        [
            new MesosConsole.Mesos.V1.Attribute { Name = "rack", Type = MesosConsole.Mesos.V1.ValueType.Text, Text = new Text { Value = "r1" } },
            new MesosConsole.Mesos.V1.Attribute { Name = "level", Type = MesosConsole.Mesos.V1.ValueType.Scalar, Scalar = new Scalar { Value = 2.5 } },
            new MesosConsole.Mesos.V1.Attribute
            {
                Name = "cores", Type = MesosConsole.Mesos.V1.ValueType.Ranges,
                Ranges = new Ranges { Range = [new ValueRange { Begin = 1, End = 4 }] },
            },
        ];

        var agent = ClusterEvents.FromState(ClusterSnapshot.Empty, state).Agents.Values.Single();

        Assert.Equal("rack:r1;level:2.5;cores:[1-4]", agent.Attributes);
    }

    [Fact]
    public void TaskFilter_Problem_NamesAnUnknownStateOnly()
    {
        Assert.Null(new TaskFilter(null, null, "task_running", "").Problem);
        Assert.Null(new TaskFilter(null, null, "Terminal", "").Problem);
        Assert.Contains("\"RUNNING\" is not a task state", new TaskFilter(null, null, "RUNNING", "").Problem);
    }

    [Fact]
    public void TaskListLinks_Filters_AreEscapedInTheQuery()
    {
        Assert.Equal("tasks?agent=a%2F1&state=terminal", TaskListLinks.For(agentId: "a/1", state: "terminal"));
        Assert.Equal("tasks", TaskListLinks.For());
    }

    [Fact]
    public void FrameworkColors_SameFrameworks_KeepTheirColoursWhenOneIsAdded()
    {
        var before = FrameworkColors.Of([View("m-0001"), View("m-0002")]);
        var after = FrameworkColors.Of([View("m-0002"), View("m-0001"), View("m-0003")]);

        Assert.Equal((before["m-0001"], before["m-0002"]), (after["m-0001"], after["m-0002"]));
        Assert.NotEqual(after["m-0001"], after["m-0002"]);
        Assert.Equal(FrameworkColors.Unknown, after["nobody"]);
    }

    private static FrameworkView View(string id) => new(id, id, null, null, null, ["*"], null, FrameworkStatus.Active, true, false,
        null, null, ResourceSummary.Empty, ResourceSummary.Empty);
}
