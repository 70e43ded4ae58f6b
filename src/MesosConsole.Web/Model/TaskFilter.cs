using MesosConsole.Mesos.State;
using MesosConsole.Mesos.V1;

namespace MesosConsole.Web.Model;

/// <summary>
/// What the Tasks page shows, as its URL says it (<c>tasks?framework=&amp;agent=&amp;state=</c>) plus the search
/// box. <see cref="State"/> is "active", "terminal", a state name (TASK_RUNNING) or empty for every task.
/// </summary>
public sealed record TaskFilter(string? FrameworkId, string? Agent, string? State, string Search)
{
    public const string Active = "active";
    public const string Terminal = "terminal";

    /// <summary>The state choices, in the order the page offers them.</summary>
    public static IReadOnlyList<string> StateChoices { get; } =
        [Active, Terminal, .. TaskStateCount.LifecycleOrder.Select(TaskStateNames.Of)];

    /// <summary>Why the filter cannot match anything (a state name that does not exist), or null.</summary>
    public string? Problem => NullIfEmpty(State) is { } state
        && !string.Equals(state, Active, StringComparison.OrdinalIgnoreCase)
        && !string.Equals(state, Terminal, StringComparison.OrdinalIgnoreCase)
        && !TaskStateNames.TryParse(state, out _)
            ? $"\"{state}\" is not a task state: use active, terminal or a Mesos state such as TASK_RUNNING."
            : null;

    /// <summary>
    /// A predicate for this filter over <paramref name="snapshot"/>. The agent filter takes an agent id, or
    /// part of an agent's host:port; which agents match is worked out once here, not once per task.
    /// </summary>
    public Func<TaskView, bool> Predicate(ClusterSnapshot snapshot)
    {
        var framework = NullIfEmpty(FrameworkId);
        var agents = AgentsMatching(snapshot, NullIfEmpty(Agent));
        var state = StatePredicate(NullIfEmpty(State));
        var search = Search.Trim();
        return task => (framework is null || task.FrameworkId == framework)
            && (agents is null || (task.AgentId is { } id && agents.Contains(id)))
            && state(task)
            && (search.Length == 0 || task.Id.Contains(search, StringComparison.OrdinalIgnoreCase)
                || (task.Name?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false));
    }

    private static HashSet<string>? AgentsMatching(ClusterSnapshot snapshot, string? agent)
    {
        if (agent is null)
        {
            return null;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal) { agent };
        foreach (var view in snapshot.Agents.Values)
        {
            var address = view.Port is { } port ? $"{view.Hostname}:{port}" : view.Hostname ?? "";
            if (address.Contains(agent, StringComparison.OrdinalIgnoreCase))
            {
                ids.Add(view.Id);
            }
        }

        return ids;
    }

    private static Func<TaskView, bool> StatePredicate(string? state)
    {
        if (state is null)
        {
            return _ => true;
        }

        if (string.Equals(state, Active, StringComparison.OrdinalIgnoreCase))
        {
            return task => !task.IsTerminal;
        }

        if (string.Equals(state, Terminal, StringComparison.OrdinalIgnoreCase))
        {
            return task => task.IsTerminal;
        }

        return TaskStateNames.TryParse(state, out var named) ? task => task.State == named : _ => false;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
