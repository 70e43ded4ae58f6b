using MesosConsole.Mesos.State;
using MesosConsole.Mesos.V1;

namespace MesosConsole.Mesos.Tests.State;

public sealed class TaskChangeLogTests
{
    private static ClusterSnapshot Subscribed() =>
        ClusterEvents.Apply(ClusterSnapshot.Empty, Wire.Subscribed(Wire.State(agents: [Wire.Agent("S0")], tasks: [Wire.Task("a"), Wire.Task("b")])));

    [Fact]
    public void TaskChangesSince_TaskEventsAfterASnapshot_NamesEachChangedTaskOnce()
    {
        var seen = Subscribed();

        var next = new[]
        {
            Wire.TaskUpdated(Wire.Status("a", TaskState.TaskRunning, 1)),
            Wire.AgentAdded(Wire.Agent("S1")),
            Wire.TaskAdded(Wire.Task("c")),
            Wire.TaskUpdated(Wire.Status("a", TaskState.TaskFinished, 2)),
        }.Aggregate(seen, ClusterEvents.Apply);

        Assert.Equal([new TaskKey("F0", "a"), new TaskKey("F0", "c")], next.TaskChangesSince(seen)!.OrderBy(k => k.TaskId));
        Assert.Empty(next.TaskChangesSince(next)!);
    }

    [Fact]
    public void TaskChangesSince_ASnapshotFromBeforeAReSubscribe_IsUnknown()
    {
        var before = ClusterEvents.Apply(Subscribed(), Wire.TaskUpdated(Wire.Status("a", TaskState.TaskRunning, 1)));

        var resubscribed = ClusterEvents.Apply(before, Wire.Subscribed(Wire.State(tasks: [Wire.Task("z")])));
        var after = ClusterEvents.Apply(resubscribed, Wire.TaskUpdated(Wire.Status("z", TaskState.TaskRunning, 3)));

        Assert.Null(after.TaskChangesSince(before));
        Assert.Equal([new TaskKey("F0", "z")], after.TaskChangesSince(resubscribed));
    }

    [Fact]
    public void TaskChangesSince_FurtherBackThanTheLogKeeps_IsUnknownSoTheCallerComparesWholeSnapshots()
    {
        var seen = Subscribed();
        var next = seen;
        for (var i = 0; i <= TaskChangeLog.MaxLength; i++)
        {
            next = ClusterEvents.Apply(next, Wire.TaskUpdated(Wire.Status("a", TaskState.TaskRunning, i)));
        }

        Assert.Null(next.TaskChangesSince(seen));
        Assert.Equal([new TaskKey("F0", "a")], next.TaskChangesSince(next with { Version = next.Version - 1 }));
    }
}

public sealed class CompletedTaskCapTests
{
    [Fact]
    public void Apply_MoreTasksEndThanTheCap_ForgetsTheOldestTerminalTasksOfThatFrameworkOnly()
    {
        var cap = ClusterEvents.MaxCompletedTasksPerFramework;
        var running = Enumerable.Range(0, cap + 2).Select(i => Wire.Task($"t{i}", state: TaskState.TaskRunning))
            .Append(Wire.Task("other", framework: "F1", state: TaskState.TaskFinished));
        var snapshot = ClusterEvents.Apply(ClusterSnapshot.Empty, Wire.Subscribed(Wire.State(tasks: running)));

        for (var i = 0; i <= cap + 1; i++)
        {
            snapshot = ClusterEvents.Apply(snapshot, Wire.TaskUpdated(Wire.Status($"t{i}", TaskState.TaskFinished, i)));
        }

        Assert.False(snapshot.Tasks.ContainsKey(new TaskKey("F0", "t0")));
        Assert.False(snapshot.Tasks.ContainsKey(new TaskKey("F0", "t1")));
        Assert.True(snapshot.Tasks.ContainsKey(new TaskKey("F0", "t2")));
        Assert.True(snapshot.Tasks.ContainsKey(new TaskKey("F0", $"t{cap + 1}")));
        Assert.Equal(cap, snapshot.Tasks.Values.Count(t => t.FrameworkId == "F0"));
        Assert.True(snapshot.Tasks.ContainsKey(new TaskKey("F1", "other")));
    }

    [Fact]
    public void Apply_TerminalTaskUpdatedAgain_IsNotCountedTwice()
    {
        var snapshot = ClusterEvents.Apply(ClusterSnapshot.Empty, Wire.Subscribed(Wire.State(tasks: [Wire.Task("a", state: TaskState.TaskRunning)])));

        snapshot = ClusterEvents.Apply(snapshot, Wire.TaskUpdated(Wire.Status("a", TaskState.TaskFailed, 1)));
        snapshot = ClusterEvents.Apply(snapshot, Wire.TaskUpdated(Wire.Status("a", TaskState.TaskFailed, 2)));

        Assert.Single(snapshot.CompletedTasks["F0"]);
    }
}
