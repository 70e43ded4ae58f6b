using MesosConsole.Mesos.State;

namespace MesosConsole.Web.Model;

/// <summary>The tasks of one executor on one agent (ExecutorId null: tasks run by the built-in command executor).</summary>
public sealed record ExecutorOnAgent(string? ExecutorId, IReadOnlyList<TaskView> Tasks);

/// <summary>One framework's share of an agent: its executors and their live tasks.</summary>
public sealed record FrameworkOnAgent(string FrameworkId, FrameworkView? Framework, ResourceSummary Used,
    IReadOnlyList<ExecutorOnAgent> Executors);

/// <summary>
/// One agent as its detail page shows it: the view, what its live tasks hold, those tasks grouped by
/// framework then executor (the path agent → framework → executor → task → sandbox), and how many
/// finished tasks it ran.
/// </summary>
public sealed record AgentDetail(AgentRow Row, IReadOnlyList<FrameworkOnAgent> Frameworks, int TerminalTasks)
{
    public static AgentDetail? Of(ClusterSnapshot snapshot, string agentId)
    {
        if (!snapshot.Agents.TryGetValue(agentId, out var agent))
        {
            return null;
        }

        var live = new List<TaskView>();
        var terminal = 0;
        foreach (var task in snapshot.Tasks.Values)
        {
            if (task.AgentId != agentId)
            {
                continue;
            }

            if (task.IsTerminal)
            {
                terminal++;
            }
            else
            {
                live.Add(task);
            }
        }

        var frameworks = live
            .GroupBy(t => t.FrameworkId)
            .Select(byFramework => new FrameworkOnAgent(
                byFramework.Key,
                snapshot.Frameworks.GetValueOrDefault(byFramework.Key),
                byFramework.Aggregate(ResourceSummary.Empty, (sum, t) => sum + t.Resources),
                byFramework
                    .GroupBy(t => t.ExecutorId)
                    .Select(byExecutor => new ExecutorOnAgent(byExecutor.Key, byExecutor.OrderBy(t => t.Id, StringComparer.Ordinal).ToList()))
                    .OrderBy(e => e.ExecutorId ?? "", StringComparer.Ordinal)
                    .ToList()))
            .OrderBy(f => f.Framework?.Name ?? f.FrameworkId, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var used = live.Aggregate(ResourceSummary.Empty, (sum, t) => sum + t.Resources);
        return new AgentDetail(new AgentRow(agent, used, live), frameworks, terminal);
    }
}
