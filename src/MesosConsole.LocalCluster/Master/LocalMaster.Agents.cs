using MesosConsole.Allocation;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Scheduler;
using Microsoft.Extensions.Logging;
using TaskState = MesosConsole.Mesos.V1.TaskState;

using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.LocalCluster.Master;

internal sealed partial class LocalMaster
{
    /// <summary>The next agent id, in Mesos's form &lt;masterId&gt;-S&lt;n&gt;.</summary>
    public AgentID NextAgentId()
    {
        lock (_sync)
        {
            return new AgentID($"{Id}-S{_agents.Count + _removedAgents}");
        }
    }

    private int _removedAgents;

    public void AddAgent(IAgentProcess agent, Resources total)
    {
        lock (_sync)
        {
            var record = new AgentRecord(agent, total, _time.GetUtcNow());
            _agents[agent.Id.Value] = record;
            _allocator.AddAgent(agent.Id.Value, total);
            PublishOperator(OperatorEvents.AgentAdded(AgentEntry(record)));
            MasterLog.AgentRegistered(_log, agent.Id.Value, agent.Pid, total);
        }
    }

    /// <summary>
    /// An agent that stopped answering: its offers are rescinded, its tasks reported lost
    /// (TASK_UNREACHABLE for partition-aware frameworks), and frameworks get a FAILURE event.
    /// </summary>
    public void RemoveAgent(AgentID agentId, string why)
    {
        lock (_sync)
        {
            if (!_agents.Remove(agentId.Value))
            {
                return;
            }

            _removedAgents++;
            foreach (var offer in _offers.Values.Where(o => o.AgentId.Value == agentId.Value).ToList())
            {
                ForgetOffer(offer);
                if (_frameworks.TryGetValue(offer.FrameworkId.Value, out var owner))
                {
                    owner.Metrics.OffersRescinded++;
                    owner.Stream?.Send(new Event { Type = EventType.Rescind, Rescind = new RescindEvent { OfferId = offer.Id } });
                }
            }

            _allocator.RemoveAgent(agentId.Value);
            foreach (var framework in _frameworks.Values)
            {
                var lost = framework.Tasks.Values.Where(t => t.AgentId.Value == agentId.Value && !TaskStates.IsTerminal(t.State)).ToList();
                foreach (var task in lost)
                {
                    var status = new TaskStatus
                    {
                        TaskId = task.Wire.TaskId,
                        State = framework.Visible(TaskState.TaskUnreachable),
                        Message = $"Agent {agentId.Value} removed: {why}",
                        Source = TaskStatusSource.SourceMaster,
                        Reason = TaskStatusReason.ReasonAgentRemoved,
                        AgentId = agentId,
                        Timestamp = Now,
                        UnreachableTime = TimeInfoOf(_time.GetUtcNow()),
                    };
                    task.ResourcesReleased = true; // the agent's resources left with it
                    RecordState(framework, task, status);
                    SendUpdate(framework, status);
                }

                framework.Stream?.Send(new Event { Type = EventType.Failure, Failure = new FailureEvent { AgentId = agentId } });
            }

            PublishOperator(OperatorEvents.AgentRemoved(agentId));
            MasterLog.AgentRemoved(_log, agentId.Value, why);
        }
    }

    /// <summary>
    /// Agent liveness, checked over the agent's own HTTP port like Mesos's pings: an agent whose /health
    /// has not answered within the ping timeout is removed.
    /// </summary>
    public async Task MonitorAgentsAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var period = TimeSpan.FromTicks(Math.Max(_settings.AgentPingTimeout.Ticks / 5, TimeSpan.FromMilliseconds(100).Ticks));
        using var timer = new PeriodicTimer(period, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            List<AgentRecord> agents;
            lock (_sync)
            {
                agents = [.. _agents.Values];
            }

            foreach (var agent in agents)
            {
                try
                {
                    using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    probe.CancelAfter(TimeSpan.FromSeconds(5));
                    using var response = await http.GetAsync(new Uri(agent.Agent.BaseUrl, "health"), probe.Token).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                    {
                        lock (_sync)
                        {
                            agent.LastSeen = _time.GetUtcNow();
                        }

                        continue;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                }

                if (_time.GetUtcNow() - agent.LastSeen >= _settings.AgentPingTimeout)
                {
                    RemoveAgent(agent.Agent.Id, "health check timed out");
                }
            }
        }
    }
}
