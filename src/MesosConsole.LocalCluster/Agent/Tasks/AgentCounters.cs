using MesosConsole.Mesos.V1;

namespace MesosConsole.LocalCluster.Agent.Tasks;

/// <summary>Cumulative counts behind the agent's slave/* metrics (guarded by the registry's gate).</summary>
internal sealed class AgentCounters
{
    public long StatusUpdates { get; private set; }
    public long LaunchErrors { get; set; }
    public long ExecutorsTerminated { get; set; }

    private readonly Dictionary<TaskState, long> _terminal = [];

    public void Count(TaskState state)
    {
        StatusUpdates++;
        if (TaskStates.IsTerminal(state))
        {
            _terminal[state] = Terminal(state) + 1;
        }
    }

    public long Terminal(TaskState state) => _terminal.GetValueOrDefault(state);
}
