using System.Collections.Immutable;
using System.Globalization;
using MesosConsole.Mesos.State;

namespace MesosConsole.Web.Offers;

/// <summary>One agent's verdict: could it take the demand now, and if not, every reason why.</summary>
public sealed record AgentFit(string AgentId, string? Hostname, bool Fits, ImmutableArray<string> Reasons);

/// <summary>
/// Why a framework's work is (not) running: reasons that hold for the whole framework (it is
/// disconnected, suppressed, asks for a role it does not have…), then each agent's verdict.
/// </summary>
public sealed record FitReport(ImmutableArray<string> FrameworkReasons, ImmutableArray<AgentFit> Agents, string Summary)
{
    public bool AnyAgentFits => Agents.Any(a => a.Fits);
}

/// <summary>What the console knows of the allocator's own state (from its decision stream, or the counters).</summary>
public sealed record AllocatorKnowledge(
    bool StreamsDecisions,
    ImmutableDictionary<string, ImmutableHashSet<string>> SuppressedRoles,
    ImmutableList<ActiveFilter> Filters,
    DateTimeOffset Now)
{
    public static AllocatorKnowledge None(DateTimeOffset now) =>
        new(false, ImmutableDictionary<string, ImmutableHashSet<string>>.Empty, [], now);

    public static AllocatorKnowledge From(OfferActivity activity, DateTimeOffset now) =>
        new(activity.Mode == OfferFeedMode.Decisions, activity.SuppressedRoles, [.. activity.FiltersAt(now)], now);
}

/// <summary>
/// "Why is it not running?" as a pure function over a cluster snapshot: for a demand (a task's
/// resources, or one typed in), which agents could not fit it and why, in plain sentences such as
/// "agent a1 has 0.5 free cpus; the task needs 1". Free = total − what live tasks use − what sits in
/// outstanding offers. Attributes and reservations are not in the snapshot, so they are not judged.
/// </summary>
public static class FitExplainer
{
    public static FitReport Explain(ClusterSnapshot snapshot, FrameworkView? framework, ResourceDemand demand, AllocatorKnowledge knowledge)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(knowledge);
        var name = framework is null ? null : Name(framework);
        var role = demand.Role ?? (framework?.Roles is { Length: > 0 } roles ? roles[0] : "*");
        var found = FrameworkReasons(snapshot, framework, name, role, knowledge).ToList();
        var reasons = found.Select(r => r.Text).ToImmutableArray();
        var agents = snapshot.Agents.Values
            .OrderBy(a => a.Hostname, StringComparer.Ordinal).ThenBy(a => a.Port).ThenBy(a => a.Id, StringComparer.Ordinal)
            .Select(agent => Judge(snapshot, agent, framework, name, role, demand, knowledge))
            .ToImmutableArray();
        return new FitReport(reasons, agents, Summarize(found.Any(r => r.Blocks), agents, name, demand));
    }

    /// <summary>A framework-level reason; <see cref="Blocks"/> when it alone keeps every offer away.</summary>
    private sealed record Reason(string Text, bool Blocks);

    private static IEnumerable<Reason> FrameworkReasons(ClusterSnapshot snapshot, FrameworkView? framework, string? name, string role, AllocatorKnowledge knowledge)
    {
        if (framework is not null)
        {
            if (framework.Status == FrameworkStatus.Completed)
            {
                yield return new Reason($"Framework {name} has been removed (torn down, or its failover timeout ran out): a removed framework never gets offers again.", true);
            }
            else if (!framework.Connected)
            {
                yield return new Reason($"Framework {name} is disconnected: its scheduler is not subscribed, so the master sends it no offers until it reconnects.", true);
            }
            else if (framework.Status == FrameworkStatus.Inactive)
            {
                yield return new Reason($"Framework {name} is inactive: the master has deactivated it and sends it no offers.", true);
            }

            var roles = framework.Roles.IsDefaultOrEmpty ? ["*"] : framework.Roles;
            if (!roles.Contains(role, StringComparer.Ordinal))
            {
                yield return new Reason($"The work asks for role '{role}', but framework {name} subscribed with role(s) {string.Join(", ", roles.Select(r => $"'{r}'"))}: offers for '{role}' never reach it.", true);
            }

            if (knowledge.SuppressedRoles.TryGetValue(framework.Id, out var suppressed) && suppressed.Contains(role))
            {
                yield return new Reason($"Framework {name} has suppressed offers for role '{role}': it told the master it wants none until it revives.", true);
            }

            var filters = knowledge.Filters.Where(f => f.FrameworkId == framework.Id && f.Role == role && f.Until > knowledge.Now).ToList();
            if (filters.Count > 0)
            {
                var last = filters.Max(f => f.Until).UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
                yield return new Reason($"Framework {name} declined offers from {filters.Count} agent(s) with a refusal filter: the allocator keeps those agents away from it (the last filter ends at {last}) unless they get more to offer.", false);
            }
        }

        if (snapshot.Agents.IsEmpty)
        {
            yield return new Reason("No agents are registered, so there is nothing to offer anyone.", true);
        }
        else if (!snapshot.Agents.Values.Any(a => a.Active))
        {
            yield return new Reason("Every agent is inactive, so there is nothing to offer anyone.", true);
        }

        if (!knowledge.StreamsDecisions)
        {
            yield return new Reason("This cluster does not stream allocator decisions, so refusal filters (declined offers) cannot be seen here.", false);
        }
    }

    private static AgentFit Judge(ClusterSnapshot snapshot, AgentView agent, FrameworkView? framework, string? name, string role, ResourceDemand demand, AllocatorKnowledge knowledge)
    {
        var label = Label(agent);
        List<string> reasons = [];
        if (!agent.Active)
        {
            reasons.Add($"agent {label} is inactive, so the allocator offers nothing from it.");
        }

        var used = snapshot.TaskResourcesOn(agent.Id);
        var free = agent.Total - used - agent.Offered;
        Check("cpus", free.Cpus, demand.Cpus, agent.Total.Cpus);
        Check("mem (MB)", free.Mem, demand.Mem, agent.Total.Mem);
        Check("disk (MB)", free.Disk, demand.Disk, agent.Total.Disk);
        Check("gpus", free.Gpus, demand.Gpus, agent.Total.Gpus);
        if (demand.Ports > free.Ports)
        {
            reasons.Add($"agent {label} has {free.Ports} free port(s); the task needs {demand.Ports}.");
        }

        if (framework is not null)
        {
            foreach (var filter in knowledge.Filters.Where(f => f.FrameworkId == framework.Id && f.AgentId == agent.Id && f.Role == role && f.Until > knowledge.Now))
            {
                reasons.Add($"framework {name} declined agent {label} and asked not to be offered it until {filter.Until.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} (a refusal filter, {Seconds(filter.Until - knowledge.Now)} left).");
            }
        }

        return new AgentFit(agent.Id, agent.Hostname, reasons.Count == 0, [.. reasons]);

        void Check(string what, double available, double needed, double total)
        {
            if (needed > available + 1e-9)
            {
                var detail = total > available ? $" ({Number(total)} in all, the rest used by tasks or held in offers)" : "";
                reasons.Add($"agent {label} has {Number(available)} free {what}{detail}; the task needs {Number(needed)}.");
            }
        }
    }

    private static string Summarize(bool blocked, ImmutableArray<AgentFit> agents, string? name, ResourceDemand demand)
    {
        var fitting = agents.Where(a => a.Fits).Select(a => Label(a)).ToList();
        if (fitting.Count == 0)
        {
            return agents.IsEmpty
                ? $"Nothing can run {demand}: there are no agents."
                : $"No agent can fit {demand} right now; the reasons for each are below.";
        }

        var who = name is null ? "The framework" : $"Framework {name}";
        return blocked
            ? $"{Join(fitting)} could fit {demand}, but {(name is null ? "the framework" : $"framework {name}")} cannot get offers for it: see the reasons above."
            : $"{Join(fitting)} could fit {demand}. {who} should get an offer for one of them within an allocation cycle or two (DRF decides who is first).";
    }

    private static string Join(List<string> agents) => agents.Count switch
    {
        1 => $"Agent {agents[0]}",
        _ => $"Agents {string.Join(", ", agents)}",
    };

    private static string Label(AgentView agent) => agent.Hostname is { } host && agent.Port is { } port ? $"{agent.Id} ({host}:{port})" : agent.Id;

    private static string Label(AgentFit agent) => agent.AgentId;

    private static string Name(FrameworkView framework) => string.IsNullOrEmpty(framework.Name) ? framework.Id : $"'{framework.Name}'";

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan left) => $"{Math.Ceiling(left.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s";
}
