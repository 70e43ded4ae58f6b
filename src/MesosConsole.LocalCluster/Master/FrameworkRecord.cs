using MesosConsole.Allocation;
using MesosConsole.Mesos.V1;
using TaskState = MesosConsole.Mesos.V1.TaskState;

namespace MesosConsole.LocalCluster.Master;

/// <summary>The master's book on one framework.</summary>
internal sealed class FrameworkRecord(FrameworkID id, FrameworkInfo info, DateTimeOffset registeredAt)
{
    /// <summary>Mesos keeps this many completed tasks per framework.</summary>
    public const int MaxCompletedTasks = 1000;

    public FrameworkID Id { get; } = id;
    public FrameworkInfo Info { get; set; } = info;
    public DateTimeOffset RegisteredAt { get; } = registeredAt;
    public DateTimeOffset ReregisteredAt { get; set; } = registeredAt;
    public DateTimeOffset? UnregisteredAt { get; set; }

    /// <summary>The open SUBSCRIBE stream, or null while disconnected.</summary>
    public EventStream? Stream { get; set; }
    public bool Connected => Stream is not null;
    public bool Active { get; set; } = true;
    public ITimer? HeartbeatTimer { get; set; }
    public ITimer? FailoverTimer { get; set; }

    public Dictionary<string, TaskRecord> Tasks { get; } = new(StringComparer.Ordinal);
    public LinkedList<TaskRecord> CompletedTasks { get; } = new();
    public Dictionary<string, OfferRecord> Offers { get; } = new(StringComparer.Ordinal);

    public FrameworkMetrics Metrics { get; } = new();

    public bool PartitionAware => Info.Has(FrameworkCapabilityType.PartitionAware);
    public bool MultiRole => Info.Has(FrameworkCapabilityType.MultiRole);

    /// <summary>The roles the framework subscribes with: <c>roles</c> for MULTI_ROLE, else the single <c>role</c>.</summary>
    public IReadOnlyList<string> Roles => MultiRole
        ? Info.Roles is { Count: > 0 } roles ? roles : ["*"]
        : [string.IsNullOrEmpty(Info.Role) ? "*" : Info.Role];

    /// <summary>Frameworks that do not know the partition-aware states see TASK_LOST instead.</summary>
    public TaskState Visible(TaskState state) => PartitionAware || state is not (TaskState.TaskDropped
        or TaskState.TaskUnreachable or TaskState.TaskGone or TaskState.TaskGoneByOperator or TaskState.TaskUnknown)
        ? state
        : TaskState.TaskLost;

    /// <summary>Resources held by the framework's live tasks, in one role or all.</summary>
    public Resources Used(string? role = null) => Sum(Tasks.Values.Where(t => !t.ResourcesReleased && (role is null || t.Role == role)).Select(t => t.Resources));

    /// <summary>Resources in the framework's outstanding offers, in one role or all.</summary>
    public Resources Offered(string? role = null) => Sum(Offers.Values.Where(o => role is null || o.Role == role).Select(o => o.Resources));

    private static Resources Sum(IEnumerable<Resources> parts) => parts.Aggregate(Resources.Empty, (sum, r) => sum + r);

    public void AddCompleted(TaskRecord task)
    {
        CompletedTasks.AddLast(task);
        while (CompletedTasks.Count > MaxCompletedTasks)
        {
            CompletedTasks.RemoveFirst();
        }
    }
}
