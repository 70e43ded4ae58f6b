using MesosConsole.Mesos.State;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Master;

namespace MesosConsole.Mesos.Tests.State;

public sealed class ClusterEventsTests
{
    private static readonly TaskKey Hello = new("F0", "hello");

    private static ClusterSnapshot Subscribed(GetState state) => ClusterEvents.Apply(ClusterSnapshot.Empty, Wire.Subscribed(state));

    private static ClusterSnapshot ApplyAll(ClusterSnapshot snapshot, params Event[] events) =>
        events.Aggregate(snapshot, ClusterEvents.Apply);

    [Fact]
    public void Apply_Subscribed_BuildsAgentsFrameworksAndTasksFromTheState()
    {
        var snapshot = Subscribed(Wire.State(
            agents: [Wire.Agent("S0", cpus: 4, mem: 4096, allocatedCpus: 1.5), Wire.Agent("S1")],
            frameworks: [Wire.Framework("F0"), Wire.Framework("F1", active: false)],
            completedFrameworks: [Wire.Framework("F2")],
            tasks: [Wire.Task("hello", state: TaskState.TaskRunning,
                statuses: [Wire.Status("hello", TaskState.TaskStarting, 10), Wire.Status("hello", TaskState.TaskRunning, 11)])],
            completedTasks: [Wire.Task("old", state: TaskState.TaskFinished)]));

        Assert.Equal(1, snapshot.Version);
        Assert.Equal(["S0", "S1"], snapshot.Agents.Keys.Order());
        var s0 = snapshot.Agents["S0"];
        Assert.Equal(new ResourceSummary(4, 4096, 0, 0, 0), s0.Total);
        Assert.Equal(1.5, s0.Allocated.Cpus);
        Assert.Equal(2.5, s0.Unallocated.Cpus);
        Assert.Equal("S0.local", s0.Hostname);
        Assert.True(s0.Active);
        Assert.Equal(FrameworkStatus.Active, snapshot.Frameworks["F0"].Status);
        Assert.Equal(FrameworkStatus.Inactive, snapshot.Frameworks["F1"].Status);
        Assert.Equal(FrameworkStatus.Completed, snapshot.Frameworks["F2"].Status);
        Assert.Equal(["science"], snapshot.Frameworks["F0"].Roles);
        Assert.Equal("http://F0.local:8080", snapshot.Frameworks["F0"].WebuiUrl);
        var hello = snapshot.Tasks[Hello];
        Assert.Equal(TaskState.TaskRunning, hello.State);
        Assert.Equal("S0", hello.AgentId);
        Assert.Equal([TaskState.TaskStarting, TaskState.TaskRunning], hello.Timeline.Select(t => t.State));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(11), hello.Timeline[1].Timestamp);
        Assert.True(snapshot.Tasks[new TaskKey("F0", "old")].IsTerminal);
    }

    [Fact]
    public void Apply_SubscribedAgain_ReplacesEverythingButKeepsTheLeaderAndCountsOn()
    {
        var first = Subscribed(Wire.State(agents: [Wire.Agent("S0")], frameworks: [Wire.Framework("F0")],
            tasks: [Wire.Task("hello")])) with
        { Leader = WireViews.Master(Wire.Master()) };

        var second = ClusterEvents.Apply(first, Wire.Subscribed(Wire.State(agents: [Wire.Agent("S9")])));

        Assert.Equal(["S9"], second.Agents.Keys);
        Assert.Empty(second.Frameworks);
        Assert.Empty(second.Tasks);
        Assert.Equal("M1", second.Leader?.Id);
        Assert.Equal(first.Version + 1, second.Version);
    }

    [Fact]
    public void Apply_Heartbeat_ReturnsTheSameSnapshot()
    {
        var snapshot = Subscribed(Wire.State(agents: [Wire.Agent("S0")]));

        Assert.Same(snapshot, ClusterEvents.Apply(snapshot, Wire.Heartbeat()));
        Assert.Same(snapshot, ClusterEvents.Apply(snapshot, new Event { Type = EventType.Unknown }));
        Assert.Same(snapshot, ClusterEvents.Apply(snapshot, new Event()));
    }

    [Fact]
    public void Apply_TaskAdded_AddsAStagingTaskWithAnEmptyTimeline()
    {
        var snapshot = ClusterEvents.Apply(Subscribed(Wire.State()), Wire.TaskAdded(Wire.Task("hello")));

        var task = snapshot.Tasks[Hello];
        Assert.Equal(TaskState.TaskStaging, task.State);
        Assert.Equal("hello", task.Name);
        Assert.Equal(new ResourceSummary(0.5, 64, 0, 0, 0), task.Resources);
        Assert.Empty(task.Timeline);
        Assert.Equal(2, snapshot.Version);
    }

    [Fact]
    public void Apply_TaskUpdated_SetsStateAndAppendsToTheTimeline()
    {
        var snapshot = ApplyAll(Subscribed(Wire.State()),
            Wire.TaskAdded(Wire.Task("hello")),
            Wire.TaskUpdated(Wire.Status("hello", TaskState.TaskStarting, 10)),
            Wire.TaskUpdated(Wire.Status("hello", TaskState.TaskFailed, 12, reason: TaskStatusReason.ReasonCommandExecutorFailed,
                message: "Command exited with status 1")));

        var task = snapshot.Tasks[Hello];
        Assert.Equal(TaskState.TaskFailed, task.State);
        Assert.True(task.IsTerminal);
        var failed = task.Timeline[^1];
        Assert.Equal(TaskStatusReason.ReasonCommandExecutorFailed, failed.Reason);
        Assert.Equal("Command exited with status 1", failed.Message);
        Assert.Equal(TaskStatusSource.SourceExecutor, failed.Source);
        Assert.Equal([TaskState.TaskStarting, TaskState.TaskFailed], task.Timeline.Select(t => t.State));
    }

    [Fact]
    public void Apply_TaskUpdatedTwiceWithTheSameUuid_RecordsItOnce()
    {
        var running = Wire.Status("hello", TaskState.TaskRunning, 11);
        var snapshot = ApplyAll(Subscribed(Wire.State(tasks: [Wire.Task("hello", state: TaskState.TaskRunning, statuses: [running])])),
            Wire.TaskUpdated(running));

        Assert.Single(snapshot.Tasks[Hello].Timeline);
    }

    [Fact]
    public void Apply_TaskUpdatedForAnUnknownTask_AddsItFromTheStatus()
    {
        var snapshot = ClusterEvents.Apply(Subscribed(Wire.State()),
            Wire.TaskUpdated(Wire.Status("hello", TaskState.TaskLost, 20, agent: "S3", uuid: null)));

        var task = snapshot.Tasks[Hello];
        Assert.Equal(TaskState.TaskLost, task.State);
        Assert.Equal("S3", task.AgentId);
        Assert.Null(Assert.Single(task.Timeline).Uuid);
    }

    [Fact]
    public void Apply_TaskUpdatedWithoutIds_IsIgnored()
    {
        var snapshot = Subscribed(Wire.State());

        Assert.Same(snapshot, ClusterEvents.Apply(snapshot, new Event { Type = EventType.TaskUpdated, TaskUpdated = new TaskUpdatedEvent() }));
    }

    [Fact]
    public void Apply_AgentAddedAndRemoved_ChangesTheAgentSet()
    {
        var added = ClusterEvents.Apply(Subscribed(Wire.State(agents: [Wire.Agent("S0")])), Wire.AgentAdded(Wire.Agent("S1", cpus: 8)));
        var removed = ClusterEvents.Apply(added, Wire.AgentRemoved("S0"));

        Assert.Equal(8, added.Agents["S1"].Total.Cpus);
        Assert.Equal(["S1"], removed.Agents.Keys);
        Assert.Same(removed, ClusterEvents.Apply(removed, Wire.AgentRemoved("S0")));
    }

    [Fact]
    public void Apply_FrameworkAddedUpdatedRemoved_MovesItThroughActiveInactiveCompleted()
    {
        var added = ClusterEvents.Apply(Subscribed(Wire.State()), Wire.FrameworkAdded(Wire.Framework("F0", name: "marathon")));
        var updated = ClusterEvents.Apply(added, Wire.FrameworkUpdated(Wire.Framework("F0", active: false, name: "marathon")));
        var removed = ClusterEvents.Apply(updated, Wire.FrameworkRemoved(Wire.Framework("F0")));

        Assert.Equal(FrameworkStatus.Active, added.Frameworks["F0"].Status);
        Assert.True(added.Frameworks["F0"].Connected);
        Assert.Equal(FrameworkStatus.Inactive, updated.Frameworks["F0"].Status);
        Assert.Equal(FrameworkStatus.Completed, removed.Frameworks["F0"].Status);
        Assert.Equal("marathon", removed.Frameworks["F0"].Name);
        Assert.False(removed.Frameworks["F0"].Connected);
    }

    [Fact]
    public void Apply_FrameworkRemovedForAnUnknownFramework_AddsItAsCompleted()
    {
        var snapshot = ClusterEvents.Apply(Subscribed(Wire.State()), Wire.FrameworkRemoved(Wire.Framework("F7")));

        Assert.Equal(FrameworkStatus.Completed, snapshot.Frameworks["F7"].Status);
    }

    [Fact]
    public void Apply_KeysTasksByFramework_SoEqualTaskIdsInTwoFrameworksBothShow()
    {
        var snapshot = ApplyAll(Subscribed(Wire.State()),
            Wire.TaskAdded(Wire.Task("web", framework: "F0")), Wire.TaskAdded(Wire.Task("web", framework: "F1")));

        Assert.Equal(2, snapshot.TasksWithId("web").Count());
    }

    [Fact]
    public void TaskResourcesOn_CountsOnlyLiveTasksOnThatAgent()
    {
        var snapshot = ApplyAll(Subscribed(Wire.State()),
            Wire.TaskAdded(Wire.Task("a")), Wire.TaskAdded(Wire.Task("b")), Wire.TaskAdded(Wire.Task("c", agent: "S1")),
            Wire.TaskUpdated(Wire.Status("b", TaskState.TaskFinished, 5)));

        Assert.Equal(new ResourceSummary(0.5, 64, 0, 0, 0), snapshot.TaskResourcesOn("S0"));
    }
}
