using MesosConsole.Allocation;
using MesosConsole.Mesos.V1;
using TaskState = MesosConsole.Mesos.V1.TaskState;

using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.LocalCluster.Master;

/// <summary>
/// A launched task: its wire <see cref="MesosTask"/> view, the resources it holds, and the FIFO of
/// status updates not yet acknowledged by the framework (only the head is outstanding).
/// </summary>
internal sealed class TaskRecord(MesosTask wire, Resources resources, string role, TaskInfo info)
{
    public MesosTask Wire { get; } = wire;
    public Resources Resources { get; } = resources;
    public string Role { get; } = role;
    public TaskInfo Info { get; } = info;
    public string Id => Wire.TaskId!.Value;
    public AgentID AgentId => Wire.AgentId!;
    public TaskState State => Wire.State ?? TaskState.TaskStaging;

    /// <summary>True once the master learned a terminal state and gave the resources back.</summary>
    public bool ResourcesReleased { get; set; }

    public Queue<TaskStatus> PendingUpdates { get; } = new();

    /// <summary>When the head of <see cref="PendingUpdates"/> was last sent to the framework.</summary>
    public DateTimeOffset? HeadSentAt { get; set; }

    /// <summary>
    /// The task's JSON in the v1 (operator API) and legacy (/master/state) forms, kept until the task
    /// changes. State endpoints of a big cluster are mostly tasks that have not changed since the last
    /// request, so they copy these instead of serializing 200,000 tasks every time.
    /// </summary>
    public byte[]? CachedWireJson { get; set; }

    public byte[]? CachedStateJson { get; set; }

    /// <summary>Marks the cached JSON stale; call on every change to <see cref="Wire"/>.</summary>
    public void Changed()
    {
        CachedWireJson = null;
        CachedStateJson = null;
    }

    /// <summary>Records a status: the latest state, and one entry per distinct state in statuses.</summary>
    public bool Apply(TaskStatus status)
    {
        Changed();
        var changed = Wire.State != status.State;
        Wire.State = status.State;
        Wire.Statuses ??= [];
        if (changed || Wire.Statuses.Count == 0)
        {
            var kept = status.Copy();
            kept.Data = null;
            Wire.Statuses.Add(kept);
        }
        else
        {
            Wire.Statuses[^1] = status.Copy();
        }

        return changed;
    }
}
