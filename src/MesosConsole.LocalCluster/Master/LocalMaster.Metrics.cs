using MesosConsole.Allocation;
using MesosConsole.Mesos.Json;
using TaskState = MesosConsole.Mesos.V1.TaskState;

namespace MesosConsole.LocalCluster.Master;

internal sealed partial class LocalMaster
{
    /// <summary>The flat metrics map of /metrics/snapshot and GET_METRICS (keys as Mesos names them).</summary>
    public SortedDictionary<string, double> Metrics()
    {
        lock (_sync)
        {
            var m = new SortedDictionary<string, double>(StringComparer.Ordinal);
            var total = _agents.Values.Aggregate(Resources.Empty, (sum, a) => sum + a.Total);
            var used = _agents.Values.Aggregate(Resources.Empty, (sum, a) => sum + a.Used);
            foreach (var kind in new[] { "cpus", "mem", "disk", "gpus" })
            {
                var t = total.Scalar(kind);
                var u = used.Scalar(kind);
                m[$"master/{kind}_total"] = t;
                m[$"master/{kind}_used"] = u;
                m[$"master/{kind}_percent"] = t > 0 ? u / t : 0;
            }

            var live = _frameworks.Values.SelectMany(f => f.Tasks.Values).Select(t => t.State).ToList();
            foreach (var (state, key) in new[]
            {
                (TaskState.TaskStaging, "staging"), (TaskState.TaskStarting, "starting"), (TaskState.TaskRunning, "running"),
                (TaskState.TaskKilling, "killing"), (TaskState.TaskUnreachable, "unreachable"),
            })
            {
                m[$"master/tasks_{key}"] = live.Count(s => s == state);
            }

            foreach (var (state, key) in new[]
            {
                (TaskState.TaskFinished, "finished"), (TaskState.TaskFailed, "failed"), (TaskState.TaskKilled, "killed"),
                (TaskState.TaskLost, "lost"), (TaskState.TaskError, "error"), (TaskState.TaskDropped, "dropped"),
                (TaskState.TaskGone, "gone"), (TaskState.TaskGoneByOperator, "gone_by_operator"),
            })
            {
                m[$"master/tasks_{key}"] = _counters.Terminal.GetValueOrDefault(state);
            }

            m["master/uptime_secs"] = (_time.GetUtcNow() - StartTime).TotalSeconds;
            m["master/elected"] = 1;
            m["master/slaves_active"] = _agents.Values.Count(a => a.Active);
            m["master/slaves_inactive"] = _agents.Values.Count(a => !a.Active);
            m["master/slaves_connected"] = _agents.Count;
            m["master/slaves_disconnected"] = 0;
            m["master/slaves_unreachable"] = 0;
            m["master/slave_removals"] = _removedAgents;
            m["master/frameworks_active"] = _frameworks.Values.Count(f => f.Active);
            m["master/frameworks_inactive"] = _frameworks.Values.Count(f => !f.Active);
            m["master/frameworks_connected"] = _frameworks.Values.Count(f => f.Connected);
            m["master/frameworks_disconnected"] = _frameworks.Values.Count(f => !f.Connected);
            m["master/outstanding_offers"] = _offers.Count;
            m["master/messages_decline_offers"] = _counters.DeclineOffers;
            m["master/messages_accept_offers"] = _counters.AcceptOffers;
            m["master/messages_revive_offers"] = _counters.ReviveOffers;
            m["master/messages_suppress_offers"] = _counters.SuppressOffers;
            m["master/messages_kill_task"] = _counters.KillTasks;
            m["master/messages_launch_tasks"] = _counters.TasksLaunched;
            m["master/messages_status_update_acknowledgement"] = _counters.Acknowledgements;
            m["master/valid_status_update_acknowledgements"] = _counters.Acknowledgements;
            m["master/status_update_retries"] = _counters.UpdatesRetried;
            m["master/invalid_accepts"] = _counters.InvalidAccepts;
            m["master/offers_timed_out"] = _counters.OffersTimedOut;
            m["master/operator_event_stream_subscribers"] = _operatorStreams.Count;
            m["master/dropped_messages"] = 0;
            m["system/cpus_total"] = System.Environment.ProcessorCount;
            foreach (var framework in _frameworks.Values)
            {
                AddFrameworkMetrics(m, framework);
            }

            return m;
        }
    }

    /// <summary>One framework's keys, named as Mesos names them: its name URL-encoded, then its id.</summary>
    private static void AddFrameworkMetrics(SortedDictionary<string, double> m, FrameworkRecord framework)
    {
        var prefix = $"master/frameworks/{Uri.EscapeDataString(framework.Info.Name ?? "")}/{framework.Id.Value}/";
        var counts = framework.Metrics;
        m[prefix + "subscribed"] = framework.Connected ? 1 : 0;
        m[prefix + "offers/sent"] = counts.OffersSent;
        m[prefix + "offers/accepted"] = counts.OffersAccepted;
        m[prefix + "offers/declined"] = counts.OffersDeclined;
        m[prefix + "offers/rescinded"] = counts.OffersRescinded;
        m[prefix + "events/offers"] = counts.OfferEvents;
        foreach (var role in framework.Roles)
        {
            m[$"{prefix}roles/{role}/suppressed"] = counts.SuppressedRoles.Contains(role) ? 1 : 0;
        }

        foreach (var (state, key) in new[]
        {
            (TaskState.TaskStaging, "task_staging"), (TaskState.TaskStarting, "task_starting"), (TaskState.TaskRunning, "task_running"),
            (TaskState.TaskKilling, "task_killing"), (TaskState.TaskUnreachable, "task_unreachable"),
        })
        {
            m[$"{prefix}tasks/active/{key}"] = framework.Tasks.Values.Count(t => t.State == state);
        }
    }

    public byte[] MetricsJson() => MesosJson.Serialize(Metrics());
}
