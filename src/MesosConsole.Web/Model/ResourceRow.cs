using MesosConsole.Mesos.State;

namespace MesosConsole.Web.Model;

/// <summary>
/// One resource across the cluster: what the agents have, what tasks hold, what sits in outstanding
/// offers, and the rest (idle: neither used nor offered, e.g. filtered or waiting for the next cycle).
/// </summary>
public sealed record ResourceRow(string Name, double Total, double Allocated, double Offered)
{
    public double Idle => Math.Max(0, Total - Allocated - Offered);

    /// <summary>cpus, mem (MB), disk (MB) and ports, summed over every registered agent.</summary>
    /// <remarks>
    /// Allocated is the live sum of non-terminal tasks (task events keep it current); offered is what
    /// the agents reported in the last snapshot, since no event carries offer changes.
    /// </remarks>
    public static IReadOnlyList<ResourceRow> Of(ClusterSnapshot snapshot)
    {
        var total = ResourceSummary.Empty;
        var offered = ResourceSummary.Empty;
        foreach (var agent in snapshot.Agents.Values)
        {
            total += agent.Total;
            offered += agent.Offered;
        }

        var allocated = ResourceSummary.Empty;
        foreach (var task in snapshot.Tasks.Values)
        {
            if (!task.IsTerminal && task.AgentId is { } agentId && snapshot.Agents.ContainsKey(agentId))
            {
                allocated += task.Resources;
            }
        }

        return Rows(total, allocated, offered);
    }

    public static IReadOnlyList<ResourceRow> Rows(ResourceSummary total, ResourceSummary allocated, ResourceSummary offered) =>
    [
        new("cpus", total.Cpus, allocated.Cpus, offered.Cpus),
        new("mem", total.Mem, allocated.Mem, offered.Mem),
        new("disk", total.Disk, allocated.Disk, offered.Disk),
        new("ports", total.Ports, allocated.Ports, offered.Ports),
    ];
}
