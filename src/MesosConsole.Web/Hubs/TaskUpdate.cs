using System.Text.Json;
using MesosConsole.Mesos.State;
using MesosConsole.Web.Model;

namespace MesosConsole.Web.Hubs;

/// <summary>
/// One task status change as the hub sends it: ids, the state as Mesos spells it (<c>TASK_RUNNING</c>),
/// and, when the update carried them, its time, reason (<c>REASON_COMMAND_EXECUTOR_FAILED</c>) and message.
/// </summary>
public sealed record TaskUpdate(
    string FrameworkId,
    string TaskId,
    string? Name,
    string? AgentId,
    string State,
    DateTimeOffset? Timestamp,
    string? Reason,
    string? Message)
{
    /// <summary>
    /// Every task of <paramref name="next"/> as it stands (when <paramref name="previous"/> is null, the
    /// baseline), else what changed since <paramref name="previous"/>: each status update not on the
    /// task's earlier timeline, in order, or the bare new state when the change came without one (a
    /// re-snapshot). Updates coalesced into one snapshot step are therefore all still sent.
    /// </summary>
    public static IEnumerable<TaskUpdate> Diff(ClusterSnapshot? previous, ClusterSnapshot next)
    {
        // Only the tasks the store's change log names, when it reaches back to what this client saw:
        // with many tasks and a busy cluster, walking every task per update would be the bottleneck.
        var changed = previous is null ? null : next.TaskChangesSince(previous);
        var candidates = changed is null
            ? next.Tasks.Values
            : changed.Select(key => next.Tasks.GetValueOrDefault(key)).OfType<TaskView>();
        foreach (var task in candidates)
        {
            var before = previous?.Tasks.GetValueOrDefault(task.Key);
            // Snapshots share every unchanged task object, so a whole diff skips them by reference.
            if (ReferenceEquals(before, task))
            {
                continue;
            }

            if (previous is null)
            {
                yield return Of(task, task.Timeline.LastOrDefault(t => t.State == task.State));
                continue;
            }

            var seen = before?.Timeline.ToHashSet() ?? [];
            var fresh = task.Timeline.Where(step => !seen.Contains(step)).ToList();
            foreach (var step in fresh)
            {
                yield return Of(task, step);
            }

            if (fresh.Count == 0 && before?.State != task.State)
            {
                yield return Of(task, null);
            }
        }
    }

    private static TaskUpdate Of(TaskView task, TaskTransition? step) => new(
        task.FrameworkId,
        task.Id,
        task.Name,
        task.AgentId,
        TaskStateNames.Of(step?.State ?? task.State),
        step?.Timestamp,
        step?.Reason is { } reason ? JsonNamingPolicy.SnakeCaseUpper.ConvertName(reason.ToString()) : null,
        step?.Message);
}
