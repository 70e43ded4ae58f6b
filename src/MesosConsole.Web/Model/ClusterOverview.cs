using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Master;

namespace MesosConsole.Web.Model;

/// <summary>What the health page shows: the cluster at one moment, summarized from operator API answers.</summary>
public sealed record ClusterOverview(
    LeaderSummary Leader,
    AgentCounts Agents,
    int Frameworks,
    IReadOnlyList<TaskStateCount> Tasks,
    DateTimeOffset ReadAt)
{
    public static ClusterOverview From(GetMaster master, GetState state, DateTimeOffset readAt)
    {
        var agents = state.GetAgents?.Agents ?? [];
        var frameworks = state.GetFrameworks?.Frameworks ?? [];
        return new ClusterOverview(
            LeaderSummary.From(master),
            new AgentCounts(agents.Count(a => a.Active == true), agents.Count(a => a.Active != true)),
            frameworks.Count,
            TaskStateCount.Of(state.GetTasks),
            readAt);
    }
}

/// <summary>The leading master as GET_MASTER describes it.</summary>
public sealed record LeaderSummary(string Id, string Pid, string Hostname, string Version, DateTimeOffset? ElectedAt)
{
    public static LeaderSummary From(GetMaster master)
    {
        var info = master.MasterInfo;
        return new LeaderSummary(
            info?.Id ?? "",
            info?.Pid ?? "",
            info?.Hostname ?? info?.Address?.Ip ?? "",
            info?.Version ?? "",
            // Mesos gives times as fractional seconds since the Unix epoch.
            master.ElectedTime is { } seconds ? DateTimeOffset.UnixEpoch.AddSeconds(seconds) : null);
    }
}

/// <summary>Registered agents; inactive ones are registered but not offered (disconnected or deactivated).</summary>
public sealed record AgentCounts(int Active, int Inactive)
{
    public int Total => Active + Inactive;
}

public sealed record TaskStateCount(TaskState State, int Count)
{
    /// <summary>
    /// Counts every task the master knows (pending, active, unreachable, completed) by state, in
    /// lifecycle order. A pending task has not reached an agent yet; Mesos reports it as staging.
    /// </summary>
    public static IReadOnlyList<TaskStateCount> Of(GetTasks? tasks)
    {
        if (tasks is null)
        {
            return [];
        }

        return new[] { tasks.PendingTasks, tasks.Tasks, tasks.UnreachableTasks, tasks.CompletedTasks }
            .SelectMany(list => list ?? [])
            .GroupBy(task => task.State ?? TaskState.TaskStaging)
            .Select(group => new TaskStateCount(group.Key, group.Count()))
            .OrderBy(count => LifecycleOrder.IndexOf(count.State))
            .ToList();
    }

    private static readonly List<TaskState> LifecycleOrder =
    [
        TaskState.TaskStaging, TaskState.TaskStarting, TaskState.TaskRunning, TaskState.TaskKilling,
        TaskState.TaskFinished, TaskState.TaskFailed, TaskState.TaskKilled, TaskState.TaskError,
        TaskState.TaskLost, TaskState.TaskDropped, TaskState.TaskUnreachable, TaskState.TaskGone,
        TaskState.TaskGoneByOperator, TaskState.TaskUnknown,
    ];
}
