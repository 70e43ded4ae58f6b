using MesosConsole.Mesos.V1;

namespace MesosConsole.LocalCluster.Master;

/// <summary>Cumulative counters behind /metrics/snapshot (guarded by the master's lock).</summary>
internal sealed class MasterCounters
{
    public long DeclineOffers { get; set; }
    public long AcceptOffers { get; set; }
    public long InvalidAccepts { get; set; }
    public long ReviveOffers { get; set; }
    public long SuppressOffers { get; set; }
    public long KillTasks { get; set; }
    public long OffersTimedOut { get; set; }
    public long TasksLaunched { get; set; }
    public long TasksError { get; set; }
    public long Acknowledgements { get; set; }
    public long UpdatesRetried { get; set; }

    /// <summary>Terminal-state totals (Mesos reports terminal states cumulatively).</summary>
    public Dictionary<TaskState, long> Terminal { get; } = [];

    public void CountTerminal(TaskState state)
    {
        if (TaskStates.IsTerminal(state))
        {
            Terminal[state] = Terminal.GetValueOrDefault(state) + 1;
        }
    }
}
