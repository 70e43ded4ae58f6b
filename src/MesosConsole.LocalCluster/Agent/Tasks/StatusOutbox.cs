using System.Threading.Channels;
using MesosConsole.Mesos.V1;
using Microsoft.Extensions.Logging;
using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.LocalCluster.Agent.Tasks;

/// <summary>
/// Hands status updates to the sink from one pump, in the order they were posted. Statuses are posted
/// under the registry's gate (so per task they are queued in order) but delivered outside it: the sink
/// (the master) may hold its own lock and call back into the agent, which must not deadlock.
/// </summary>
internal sealed class StatusOutbox
{
    private readonly Channel<(FrameworkID FrameworkId, TaskStatus Status)> _queue =
        Channel.CreateUnbounded<(FrameworkID, TaskStatus)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly AgentID _agentId;
    private readonly IAgentStatusSink _sink;
    private readonly ILogger _log;
    private readonly Task _pump;

    public StatusOutbox(AgentID agentId, IAgentStatusSink sink, ILogger log)
    {
        _agentId = agentId;
        _sink = sink;
        _log = log;
        _pump = Task.Run(PumpAsync);
    }

    public void Post(FrameworkID frameworkId, TaskStatus status) => _queue.Writer.TryWrite((frameworkId, status));

    /// <summary>Delivers what is queued, then stops.</summary>
    public Task CompleteAsync()
    {
        _queue.Writer.TryComplete();
        return _pump;
    }

    private async Task PumpAsync()
    {
        await foreach (var (frameworkId, status) in _queue.Reader.ReadAllAsync())
        {
            try
            {
                _sink.OnStatusUpdate(_agentId, frameworkId, status);
            }
            catch (Exception ex)
            {
                AgentLog.SinkFailed(_log, ex, status.State?.ToString(), status.TaskId?.Value);
            }
        }
    }
}
