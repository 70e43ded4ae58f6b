using MesosConsole.LocalCluster.Files;
using MesosConsole.Mesos.V1;
using Microsoft.AspNetCore.Http;

namespace MesosConsole.LocalCluster.Agent.Http;

/// <summary>The agent's slave/* metrics (/metrics/snapshot and GET_METRICS): gauges for tasks in flight,
/// cumulative counts for terminal states, resources in use by running tasks.</summary>
internal static class AgentMetrics
{
    private static readonly string[] ScalarResources = ["cpus", "mem", "disk", "gpus"];

    public static SortedDictionary<string, double> Snapshot(LocalAgent agent)
    {
        var registry = agent.Registry;
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        Dictionary<string, double> used;
        lock (registry.Gate)
        {
            var active = registry.ActiveRuns.ToList();
            used = ResourceSummary.Scalars(active.SelectMany(r => r.Task.Resources ?? []));
            metrics["slave/tasks_staging"] = active.Count(r => r.State == TaskState.TaskStaging);
            metrics["slave/tasks_starting"] = active.Count(r => r.State == TaskState.TaskStarting);
            metrics["slave/tasks_running"] = active.Count(r => r.State == TaskState.TaskRunning);
            metrics["slave/tasks_killing"] = active.Count(r => r.State == TaskState.TaskKilling);
            metrics["slave/executors_running"] = active.Count(r => r.Pid is not null);
            metrics["slave/executors_registering"] = 0;
            metrics["slave/executors_terminating"] = active.Count(r => r.Terminating);
            metrics["slave/frameworks_active"] = registry.Frameworks.Count();

            var counters = registry.Counters;
            metrics["slave/tasks_finished"] = counters.Terminal(TaskState.TaskFinished);
            metrics["slave/tasks_failed"] = counters.Terminal(TaskState.TaskFailed);
            metrics["slave/tasks_killed"] = counters.Terminal(TaskState.TaskKilled);
            metrics["slave/tasks_lost"] = counters.Terminal(TaskState.TaskLost) + counters.Terminal(TaskState.TaskDropped);
            metrics["slave/tasks_gone"] = counters.Terminal(TaskState.TaskGone);
            metrics["slave/executors_terminated"] = counters.ExecutorsTerminated;
            metrics["slave/container_launch_errors"] = counters.LaunchErrors;
            metrics["slave/valid_status_updates"] = counters.StatusUpdates;
            metrics["slave/invalid_status_updates"] = 0;
        }

        var total = ResourceSummary.Scalars(agent.Info.Resources);
        foreach (var name in ScalarResources)
        {
            var totalValue = total.GetValueOrDefault(name);
            var usedValue = used.GetValueOrDefault(name);
            metrics[$"slave/{name}_total"] = totalValue;
            metrics[$"slave/{name}_used"] = usedValue;
            metrics[$"slave/{name}_percent"] = totalValue > 0 ? usedValue / totalValue : 0;
        }

        metrics["slave/registered"] = 1;
        metrics["slave/uptime_secs"] = agent.Runtime.NowSeconds() - agent.Runtime.StartTime;
        metrics["system/cpus_total"] = System.Environment.ProcessorCount;
        return metrics;
    }

    public static Task HandleAsync(HttpContext context, LocalAgent agent)
    {
        var snapshot = Snapshot(agent);
        return MesosResponses.WriteJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            foreach (var (name, value) in snapshot)
            {
                writer.WriteNumber(name, value);
            }

            writer.WriteEndObject();
        });
    }
}
