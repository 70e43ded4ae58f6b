using System.Collections.Immutable;

namespace MesosConsole.Mesos.State;

/// <summary>
/// One cluster as the console last saw it through the operator API. Immutable: a component can hold
/// on to a snapshot while the store moves on. <see cref="Version"/> grows by one with every change, so
/// "has anything changed?" is a number comparison.
/// </summary>
public sealed record ClusterSnapshot
{
    public static ClusterSnapshot Empty { get; } = new();

    public long Version { get; init; }

    /// <summary>True while the event stream is open and has delivered its SUBSCRIBED snapshot.</summary>
    public bool Connected { get; init; }

    /// <summary>Why the store is not connected (the last failure), or null.</summary>
    public string? Error { get; init; }

    /// <summary>When the store will try again after <see cref="Error"/>; null while connected.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    public MasterView? Leader { get; init; }

    public ImmutableDictionary<string, AgentView> Agents { get; init; } = ImmutableDictionary<string, AgentView>.Empty;

    public ImmutableDictionary<string, FrameworkView> Frameworks { get; init; } =
        ImmutableDictionary<string, FrameworkView>.Empty;

    public ImmutableDictionary<TaskKey, TaskView> Tasks { get; init; } = ImmutableDictionary<TaskKey, TaskView>.Empty;

    /// <summary>
    /// Which tasks changed in recent versions; null after a full snapshot (SUBSCRIBED), which replaces
    /// every task at once. See <see cref="TaskChangesSince"/>.
    /// </summary>
    public TaskChangeLog? TaskChanges { get; init; }

    /// <summary>
    /// The tasks that changed since an earlier snapshot of this store (each once), or null when that
    /// is not known (a re-snapshot in between, or too long ago) and the snapshots must be compared whole.
    /// </summary>
    public IReadOnlyCollection<TaskKey>? TaskChangesSince(ClusterSnapshot earlier)
    {
        if (earlier.Version == Version)
        {
            // Same version from the same store means same tasks; anything else (snapshots built apart) is unknown.
            return ReferenceEquals(earlier.Tasks, Tasks) ? [] : null;
        }

        // The log restarts at every full snapshot, so an earlier snapshot from before it is not covered.
        return TaskChanges?.Since(earlier.Version);
    }

    /// <summary>
    /// Terminal tasks, oldest first, so the store can forget the oldest when there are more than
    /// <see cref="ClusterEvents.MaxCompletedTasksPerFramework"/> in a framework, as Mesos does: a long-lived
    /// console watching a busy cluster must not grow without bound.
    /// </summary>
    public ImmutableDictionary<string, ImmutableQueue<TaskKey>> CompletedTasks { get; init; } =
        ImmutableDictionary<string, ImmutableQueue<TaskKey>>.Empty;

    /// <summary>The tasks with this id in any framework (usually one).</summary>
    public IEnumerable<TaskView> TasksWithId(string taskId) => Tasks.Values.Where(t => t.Id == taskId);

    /// <summary>What the non-terminal tasks on an agent hold, kept current by task events between snapshots.</summary>
    public ResourceSummary TaskResourcesOn(string agentId) => Tasks.Values
        .Where(t => t.AgentId == agentId && !t.IsTerminal)
        .Aggregate(ResourceSummary.Empty, (sum, t) => sum + t.Resources);
}
