using System.Collections.Immutable;
using MesosConsole.Mesos.V1;

namespace MesosConsole.Mesos.State;

/// <summary>Task ids are unique only within a framework, so a task is named by both.</summary>
public readonly record struct TaskKey(string FrameworkId, string TaskId)
{
    public override string ToString() => $"{FrameworkId}/{TaskId}";
}

/// <summary>
/// One step in a task's life, from a status update. <see cref="Uuid"/> (base64, absent for master-made
/// updates) tells a repeat of the same update apart from a new one with the same state.
/// </summary>
public sealed record TaskTransition(
    TaskState State,
    DateTimeOffset? Timestamp,
    TaskStatusReason? Reason,
    string? Message,
    TaskStatusSource? Source,
    bool? Healthy,
    string? Uuid);

public sealed record TaskView(
    TaskKey Key,
    string? Name,
    string? AgentId,
    string? ExecutorId,
    TaskState State,
    ResourceSummary Resources,
    ImmutableList<TaskTransition> Timeline)
{
    public string Id => Key.TaskId;

    public string FrameworkId => Key.FrameworkId;

    public bool IsTerminal => TaskStates.IsTerminal(State);
}
