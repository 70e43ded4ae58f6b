using MesosConsole.Mesos.State;

namespace MesosConsole.Web.Model;

/// <summary>
/// One agent as the Agents page lists it: the view, what its non-terminal tasks hold right now, and
/// those tasks (for the topology view and the detail page).
/// </summary>
public sealed record AgentRow(AgentView Agent, ResourceSummary Used, IReadOnlyList<TaskView> Tasks)
{
    public string Id => Agent.Id;

    /// <summary>"host:port", what operators recognise an agent by.</summary>
    public string Address => Agent.Port is { } port ? $"{Agent.Hostname}:{port}" : Agent.Hostname ?? "";

    public string State => StateOf(Agent);

    public static string StateOf(AgentView agent) =>
        agent.Deactivated ? "deactivated" : agent.Active ? "active" : "disconnected";

    /// <summary>Every agent with its live tasks: one pass over the tasks, so a 100,000-task snapshot costs one loop.</summary>
    public static List<AgentRow> Of(ClusterSnapshot snapshot)
    {
        var tasksByAgent = new Dictionary<string, List<TaskView>>();
        foreach (var task in snapshot.Tasks.Values)
        {
            if (!task.IsTerminal && task.AgentId is { } agentId)
            {
                if (!tasksByAgent.TryGetValue(agentId, out var list))
                {
                    tasksByAgent[agentId] = list = [];
                }

                list.Add(task);
            }
        }

        var rows = new List<AgentRow>(snapshot.Agents.Count);
        foreach (var agent in snapshot.Agents.Values)
        {
            var tasks = tasksByAgent.GetValueOrDefault(agent.Id) ?? [];
            // Framework, then task id: blocks of one framework sit together in the topology view.
            tasks.Sort(static (a, b) => string.CompareOrdinal(a.FrameworkId, b.FrameworkId) is var byFramework and not 0
                ? byFramework
                : string.CompareOrdinal(a.Id, b.Id));
            var used = ResourceSummary.Empty;
            foreach (var task in tasks)
            {
                used += task.Resources;
            }

            rows.Add(new AgentRow(agent, used, tasks));
        }

        return rows;
    }

    /// <summary>The text filter: hostname (or address), id or attributes contain it, ignoring case.</summary>
    public bool Matches(string text) => text.Length == 0
        || Address.Contains(text, StringComparison.OrdinalIgnoreCase)
        || Id.Contains(text, StringComparison.OrdinalIgnoreCase)
        || Agent.Attributes.Contains(text, StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyDictionary<string, Comparison<AgentRow>> Sorts { get; } = new Dictionary<string, Comparison<AgentRow>>
    {
        ["hostname"] = (a, b) => Then(string.Compare(a.Agent.Hostname, b.Agent.Hostname, StringComparison.OrdinalIgnoreCase),
            Nullable.Compare(a.Agent.Port, b.Agent.Port), a, b),
        ["id"] = (a, b) => string.CompareOrdinal(a.Id, b.Id),
        ["state"] = (a, b) => Then(string.CompareOrdinal(a.State, b.State), 0, a, b),
        ["cpus"] = (a, b) => Then(a.Used.Cpus.CompareTo(b.Used.Cpus), a.Agent.Total.Cpus.CompareTo(b.Agent.Total.Cpus), a, b),
        ["mem"] = (a, b) => Then(a.Used.Mem.CompareTo(b.Used.Mem), a.Agent.Total.Mem.CompareTo(b.Agent.Total.Mem), a, b),
        ["disk"] = (a, b) => Then(a.Used.Disk.CompareTo(b.Used.Disk), a.Agent.Total.Disk.CompareTo(b.Agent.Total.Disk), a, b),
        ["tasks"] = (a, b) => Then(a.Tasks.Count.CompareTo(b.Tasks.Count), 0, a, b),
        ["registered"] = (a, b) => Then(Nullable.Compare(a.Agent.RegisteredTime, b.Agent.RegisteredTime), 0, a, b),
    };

    /// <summary>The first difference that is not zero, with the id as the last word so the order is total.</summary>
    private static int Then(int first, int second, AgentRow a, AgentRow b) =>
        first != 0 ? first : second != 0 ? second : string.CompareOrdinal(a.Id, b.Id);
}
