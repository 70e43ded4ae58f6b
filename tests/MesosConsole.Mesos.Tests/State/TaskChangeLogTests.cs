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
