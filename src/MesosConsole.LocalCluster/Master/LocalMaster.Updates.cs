using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Scheduler;
using Microsoft.Extensions.Logging;
using TaskState = MesosConsole.Mesos.V1.TaskState;

using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.LocalCluster.Master;

internal sealed partial class LocalMaster
{
    /// <summary>
    /// An agent's status update. The master records the latest state at once (and frees the resources
    /// of a terminal task), then delivers updates to the framework one at a time per task: the next one
    /// goes out only after the previous one is acknowledged, and an unacknowledged one is re-sent.
    /// </summary>
    public void OnStatusUpdate(AgentID agentId, FrameworkID frameworkId, TaskStatus status)
    {
        lock (_sync)
        {
            if (!_frameworks.TryGetValue(frameworkId.Value, out var framework)
                || status.TaskId?.Value is not { } taskId
                || !framework.Tasks.TryGetValue(taskId, out var task))
            {
                return; // The framework or task is gone (torn down); nobody is left to tell.
            }

            if (_agents.TryGetValue(agentId.Value, out var agent))
            {
                agent.LastSeen = _time.GetUtcNow();
            }

            if (TaskStates.IsTerminal(task.State) && task.ResourcesReleased)
            {
                return; // Already ended (e.g. the agent was removed); late news changes nothing.
            }

            var visible = status.Copy();
            visible.State = framework.Visible(status.State!.Value);
            RecordState(framework, task, visible);
            task.PendingUpdates.Enqueue(visible);
            if (task.PendingUpdates.Count == 1)
            {
                SendHead(framework, task);
            }
        }
    }

    /// <summary>Latest state, operator TASK_UPDATED, counters, and resources back on a terminal state.</summary>
    private void RecordState(FrameworkRecord framework, TaskRecord task, TaskStatus status)
    {
        if (task.Apply(status))
        {
            _counters.CountTerminal(status.State!.Value);
            PublishOperator(OperatorEvents.TaskUpdated(framework.Id, status, status.State!.Value));
        }

        if (TaskStates.IsTerminal(status.State!.Value) && !task.ResourcesReleased)
        {
            task.ResourcesReleased = true;
            if (_agents.TryGetValue(task.AgentId.Value, out var agent))
            {
                agent.Used -= task.Resources;
                _allocator.RecoverResources(framework.Id.Value, task.AgentId.Value, task.Role, task.Resources, null);
            }
        }
    }

    private void SendHead(FrameworkRecord framework, TaskRecord task)
    {
        var head = task.PendingUpdates.Peek();
        task.Wire.StatusUpdateState = head.State;
        task.Wire.StatusUpdateUuid = head.Uuid;
        task.Changed();
        task.HeadSentAt = _time.GetUtcNow();
        _tasksWithPendingUpdates.Add(task);
        SendUpdate(framework, head);
    }

    private static void SendUpdate(FrameworkRecord framework, TaskStatus status) =>
        framework.Stream?.Send(new Event { Type = EventType.Update, Update = new UpdateEvent { Status = status } });

    /// <summary>ACKNOWLEDGE: pops the head if the uuid matches; acks for anything else are ignored, as in Mesos.</summary>
    public void Acknowledge(FrameworkID frameworkId, AcknowledgeCall ack)
    {
        lock (_sync)
        {
            if (!_frameworks.TryGetValue(frameworkId.Value, out var framework)
                || ack.TaskId?.Value is not { } taskId
                || !framework.Tasks.TryGetValue(taskId, out var task)
                || !task.PendingUpdates.TryPeek(out var head)
                || head.Uuid is null || ack.Uuid is null || !head.Uuid.AsSpan().SequenceEqual(ack.Uuid))
            {
                MasterLog.AckIgnored(_log, ack.TaskId?.Value);
                return;
            }

            task.PendingUpdates.Dequeue();
            _counters.Acknowledgements++;
            if (task.PendingUpdates.Count > 0)
            {
                SendHead(framework, task);
                return;
            }

            _tasksWithPendingUpdates.Remove(task);
            task.HeadSentAt = null;
            if (TaskStates.IsTerminal(task.State))
            {
                framework.Tasks.Remove(taskId);
                framework.AddCompleted(task);
            }
        }
    }

    /// <summary>The retry loop: every unacknowledged head older than the retry interval is sent again.</summary>
    private void ResendDueUpdates()
    {
        lock (_sync)
        {
            var due = _time.GetUtcNow() - _settings.StatusUpdateRetry;
            foreach (var task in _tasksWithPendingUpdates)
            {
                if (task.HeadSentAt is { } sent && sent <= due
                    && _frameworks.TryGetValue(task.Wire.FrameworkId!.Value, out var framework) && framework.Connected)
                {
                    task.HeadSentAt = _time.GetUtcNow();
                    _counters.UpdatesRetried++;
                    SendUpdate(framework, task.PendingUpdates.Peek());
                }
            }
        }
    }

    /// <summary>KILL: a known task is killed by its agent; an unknown one is answered by reconciliation.</summary>
    public void Kill(FrameworkID frameworkId, KillCall kill)
    {
        AgentRecord? agent = null;
        TimeSpan? grace = null;
        lock (_sync)
        {
            _counters.KillTasks++;
            var framework = _frameworks[frameworkId.Value];
            if (kill.TaskId?.Value is not { } taskId || !framework.Tasks.TryGetValue(taskId, out var task))
            {
                Reconcile(frameworkId, new ReconcileCall { Tasks = [new ReconcileTask { TaskId = kill.TaskId, AgentId = kill.AgentId }] });
                return;
            }

            if (TaskStates.IsTerminal(task.State))
            {
                return;
            }

            agent = _agents.GetValueOrDefault(task.AgentId.Value);
            if (kill.KillPolicy?.GracePeriod?.Nanoseconds is { } nanos)
            {
                grace = TimeSpan.FromTicks(Math.Max(0, nanos / 100));
            }
        }

        agent?.Agent.Kill(frameworkId, kill.TaskId!, grace);
    }

    /// <summary>RECONCILE, implicit (no tasks: all of them) or explicit, per reference §5.5.</summary>
    public void Reconcile(FrameworkID frameworkId, ReconcileCall reconcile)
    {
        lock (_sync)
        {
            var framework = _frameworks[frameworkId.Value];
            var asked = reconcile.Tasks?.Where(t => t?.TaskId is not null).ToList() ?? [];
            if (asked.Count == 0)
            {
                foreach (var task in framework.Tasks.Values)
                {
                    SendUpdate(framework, ReconciliationStatus(task));
                }

                return;
            }

            foreach (var item in asked)
            {
                if (framework.Tasks.TryGetValue(item.TaskId!.Value, out var task))
                {
                    SendUpdate(framework, ReconciliationStatus(task));
                    continue;
                }

                var state = item.AgentId is { } agentId && _agents.ContainsKey(agentId.Value) ? TaskState.TaskGone : TaskState.TaskUnknown;
                SendUpdate(framework, new TaskStatus
                {
                    TaskId = item.TaskId,
                    State = framework.Visible(state),
                    Message = "Reconciliation: Task is unknown",
                    Source = TaskStatusSource.SourceMaster,
                    Reason = TaskStatusReason.ReasonReconciliation,
                    AgentId = item.AgentId,
                    Timestamp = Now,
                });
            }
        }
    }

    private TaskStatus ReconciliationStatus(TaskRecord task)
    {
        var latest = task.Wire.Statuses is { Count: > 0 } statuses ? statuses[^1] : null;
        return new TaskStatus
        {
            TaskId = task.Wire.TaskId,
            State = task.Wire.StatusUpdateState ?? task.State,
            Message = "Reconciliation: Latest task state",
            Source = TaskStatusSource.SourceMaster,
            Reason = TaskStatusReason.ReasonReconciliation,
            AgentId = task.AgentId,
            ExecutorId = latest?.ExecutorId,
            ContainerStatus = latest?.ContainerStatus,
            Timestamp = Now,
        };
    }
}
