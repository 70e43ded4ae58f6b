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
    public void Diff_WithTheStoresChangeLog_SendsExactlyWhatComparingWholeSnapshotsSends()
    {
        var random = new Random(20261125);
        var tasks = Enumerable.Range(0, 50).Select(i => Mock.Task(TaskState.TaskStaging, $"t{i}")).ToList();
        var seen = ClusterEvents.Apply(ClusterSnapshot.Empty, Mock.Subscribed(Mock.State(activeAgents: 1, tasks: tasks)));
        var states = new[] { TaskState.TaskStarting, TaskState.TaskRunning, TaskState.TaskFinished, TaskState.TaskFailed };

        for (var round = 0; round < 20; round++)
        {
            var next = seen;
            for (var step = random.Next(1, 30); step > 0; step--)
            {
                var status = new TaskStatus
                {
                    TaskId = new TaskID($"t{random.Next(tasks.Count)}"),
                    State = states[random.Next(states.Length)],
                    Timestamp = 1795637908 + (round * 100) + step,
                    Uuid = Guid.NewGuid().ToByteArray(),
                };
                next = ClusterEvents.Apply(next, new Event
                {
                    Type = EventType.TaskUpdated,
                    TaskUpdated = new TaskUpdatedEvent { FrameworkId = tasks[0].FrameworkId, Status = status, State = status.State },
                });
            }

            var fromLog = TaskUpdate.Diff(seen, next).ToList();
            var fromWhole = TaskUpdate.Diff(seen, next with { TaskChanges = null }).ToList();
            Assert.NotNull(next.TaskChangesSince(seen));
            Assert.Equal(fromWhole.OrderBy(u => u.TaskId).ThenBy(u => u.Timestamp), fromLog.OrderBy(u => u.TaskId).ThenBy(u => u.Timestamp));
            Assert.NotEmpty(fromLog);
            seen = next;
        }
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
