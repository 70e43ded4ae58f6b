using System.Collections.Immutable;
using MesosConsole.Mesos.Client;
using MesosConsole.Mesos.State;
using MesosConsole.Mesos.V1;

namespace MesosConsole.Web.Model;

/// <summary>What the Overview page shows: the cluster at one moment, summarized from a <see cref="ClusterSnapshot"/>.</summary>
public sealed record ClusterOverview(
    LeaderSummary Leader,
    IReadOnlyList<string> Standbys,
    AgentCounts Agents,
    int Frameworks,
    IReadOnlyList<TaskStateCount> Tasks,
    IReadOnlyList<ResourceRow> Resources)
{
    /// <summary>Null until the store has a leader, i.e. has never been connected.</summary>
    /// <param name="configuredMasters">
    /// The cluster's master URLs, if configured: the operator API names only the leader, so the other
    /// configured masters are listed as standbys.
    /// </param>
    public static ClusterOverview? From(ClusterSnapshot snapshot, IReadOnlyList<Uri>? configuredMasters = null) =>
        snapshot.Leader is { } leader
            ? new ClusterOverview(
                LeaderSummary.From(leader),
                StandbysOf(leader, configuredMasters ?? []),
                AgentCounts.Of(snapshot.Agents.Values),
                // Registered frameworks, as GET_FRAMEWORKS lists them; completed ones are history.
                snapshot.Frameworks.Values.Count(f => f.Status != FrameworkStatus.Completed),
                TaskStateCount.Of(snapshot.Tasks.Values),
                ResourceRow.Of(snapshot))
            : null;

    private static List<string> StandbysOf(MasterView leader, IReadOnlyList<Uri> masters)
    {
        // The leader is known by hostname:port and by its pid's ip:port (master@10.0.0.5:5050).
        var leaderAddresses = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (leader.Hostname is { } host && leader.Port is { } port)
        {
            leaderAddresses.Add($"{host}:{port}");
        }

        if (ProcessId.TryParse(leader.Pid, out var pid))
        {
            leaderAddresses.Add(pid.Address);
        }

        return masters.Select(m => m.Authority).Where(a => !leaderAddresses.Contains(a)).Distinct().ToList();
    }
}

/// <summary>The leading master as GET_MASTER describes it.</summary>
public sealed record LeaderSummary(string Id, string Pid, string Hostname, string Version, DateTimeOffset? ElectedAt)
{
    public static LeaderSummary From(MasterView master) =>
        new(master.Id, master.Pid ?? "", master.Hostname ?? "", master.Version ?? "", master.ElectedTime);
}

/// <summary>
/// Registered agents by state: active (offered), deactivated by an operator (kept, not offered), and
/// disconnected (the master lost touch and waits for it to come back).
/// </summary>
public sealed record AgentCounts(int Active, int Deactivated, int Disconnected)
{
    public int Total => Active + Deactivated + Disconnected;

    public static AgentCounts Of(IEnumerable<AgentView> agents)
    {
        int active = 0, deactivated = 0, disconnected = 0;
        foreach (var agent in agents)
        {
            switch (AgentRow.StateOf(agent))
            {
                case "active": active++; break;
                case "deactivated": deactivated++; break;
                default: disconnected++; break;
            }
        }

        return new AgentCounts(active, deactivated, disconnected);
    }
}

public sealed record TaskStateCount(TaskState State, int Count)
{
    /// <summary>Counts every task the store knows (pending, active, unreachable, completed) by state, in lifecycle order.</summary>
    public static IReadOnlyList<TaskStateCount> Of(IEnumerable<TaskView> tasks) => tasks
        .GroupBy(task => task.State)
        .Select(group => new TaskStateCount(group.Key, group.Count()))
        .OrderBy(count => LifecycleOrder.IndexOf(count.State))
        .ToList();

    /// <summary>Every task state, in the order a task lives through them.</summary>
    public static ImmutableArray<TaskState> LifecycleOrder { get; } =
    [
        TaskState.TaskStaging, TaskState.TaskStarting, TaskState.TaskRunning, TaskState.TaskKilling,
        TaskState.TaskFinished, TaskState.TaskFailed, TaskState.TaskKilled, TaskState.TaskError,
        TaskState.TaskLost, TaskState.TaskDropped, TaskState.TaskUnreachable, TaskState.TaskGone,
        TaskState.TaskGoneByOperator, TaskState.TaskUnknown,
    ];
}
