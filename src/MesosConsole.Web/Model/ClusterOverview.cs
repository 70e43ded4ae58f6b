using MesosConsole.Mesos.State;
using MesosConsole.Mesos.V1;

namespace MesosConsole.Web.Model;

/// <summary>What the health page shows: the cluster at one moment, summarized from a <see cref="ClusterSnapshot"/>.</summary>
public sealed record ClusterOverview(
    LeaderSummary Leader,
    AgentCounts Agents,
    int Frameworks,
    IReadOnlyList<TaskStateCount> Tasks)
{
    /// <summary>Null until the store has a leader, i.e. has never been connected.</summary>
    public static ClusterOverview? From(ClusterSnapshot snapshot) => snapshot.Leader is { } leader
        ? new ClusterOverview(
            LeaderSummary.From(leader),
            new AgentCounts(snapshot.Agents.Values.Count(a => a.Active), snapshot.Agents.Values.Count(a => !a.Active)),
            // Registered frameworks, as GET_FRAMEWORKS lists them; completed ones are history.
            snapshot.Frameworks.Values.Count(f => f.Status != FrameworkStatus.Completed),
            TaskStateCount.Of(snapshot.Tasks.Values))
        : null;
}

/// <summary>The leading master as GET_MASTER describes it.</summary>
public sealed record LeaderSummary(string Id, string Pid, string Hostname, string Version, DateTimeOffset? ElectedAt)
{
    public static LeaderSummary From(MasterView master) =>
        new(master.Id, master.Pid ?? "", master.Hostname ?? "", master.Version ?? "", master.ElectedTime);
}

/// <summary>Registered agents; inactive ones are registered but not offered (disconnected or deactivated).</summary>
public sealed record AgentCounts(int Active, int Inactive)
{
    public int Total => Active + Inactive;
}

public sealed record TaskStateCount(TaskState State, int Count)
{
    /// <summary>Counts every task the store knows (pending, active, unreachable, completed) by state, in lifecycle order.</summary>
    public static IReadOnlyList<TaskStateCount> Of(IEnumerable<TaskView> tasks) => tasks
        .GroupBy(task => task.State)
        .Select(group => new TaskStateCount(group.Key, group.Count()))
        .OrderBy(count => LifecycleOrder.IndexOf(count.State))
        .ToList();

    private static readonly List<TaskState> LifecycleOrder =
    [
        TaskState.TaskStaging, TaskState.TaskStarting, TaskState.TaskRunning, TaskState.TaskKilling,
        TaskState.TaskFinished, TaskState.TaskFailed, TaskState.TaskKilled, TaskState.TaskError,
        TaskState.TaskLost, TaskState.TaskDropped, TaskState.TaskUnreachable, TaskState.TaskGone,
        TaskState.TaskGoneByOperator, TaskState.TaskUnknown,
    ];
}
