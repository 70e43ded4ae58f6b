using MesosConsole.Mesos.State;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Master;
using MesosConsole.Web.Hubs;
using MesosConsole.Web.Tests.Support;

using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.Web.Tests.Hubs;

public sealed class TaskUpdateTests
{
    private static readonly ClusterSnapshot Staging = Mock.Snapshot(Mock.State(tasks: [Mock.Task(TaskState.TaskStaging, "t1")]));

    [Fact]
    public void Diff_NoPrevious_SendsEveryTaskAsItStands()
    {
        var update = Assert.Single(TaskUpdate.Diff(null, Staging));

        Assert.Equal(("t1", "TASK_STAGING"), (update.TaskId, update.State));
    }

    [Fact]
    public void Diff_TwoStatusUpdatesInOneStep_SendsBothInOrder()
    {
        var next = Update(Update(Staging, TaskState.TaskStarting, 1), TaskState.TaskRunning, 2);

        Assert.Equal(["TASK_STARTING", "TASK_RUNNING"], TaskUpdate.Diff(Staging, next).Select(u => u.State));
    }

    [Fact]
    public void Diff_NothingChanged_SendsNothing()
    {
        var running = Update(Staging, TaskState.TaskRunning, 1);

        Assert.Empty(TaskUpdate.Diff(running, running with { Version = running.Version + 1 }));
    }

    [Fact]
    public void Diff_StateChangedWithoutAStatus_SendsTheNewState()
    {
        var resnapshot = Mock.Snapshot(Mock.State(tasks: [Mock.Task(TaskState.TaskLost, "t1")]));

        var update = Assert.Single(TaskUpdate.Diff(Staging, resnapshot));

        Assert.Equal(("TASK_LOST", null), (update.State, update.Timestamp));
    }

    [Fact]
    public void Diff_StatusWithAReason_SpellsItAsMesosDoes()
    {
        var failed = ClusterEvents.Apply(Staging, TaskUpdated(TaskState.TaskFailed, 1, TaskStatusReason.ReasonCommandExecutorFailed));

        var update = Assert.Single(TaskUpdate.Diff(Staging, failed));

        Assert.Equal("REASON_COMMAND_EXECUTOR_FAILED", update.Reason);
    }

    private static ClusterSnapshot Update(ClusterSnapshot snapshot, TaskState state, double timestamp) =>
        ClusterEvents.Apply(snapshot, TaskUpdated(state, timestamp));

    private static Event TaskUpdated(TaskState state, double timestamp, TaskStatusReason? reason = null) => new()
    {
        Type = EventType.TaskUpdated,
        TaskUpdated = new TaskUpdatedEvent
        {
            FrameworkId = new FrameworkID($"{Mock.MasterId}-0000"),
            State = state,
            Status = new TaskStatus { TaskId = new TaskID("t1"), State = state, Timestamp = timestamp, Reason = reason },
        },
    };
}
