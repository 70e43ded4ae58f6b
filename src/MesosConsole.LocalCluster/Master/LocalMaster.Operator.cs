using MesosConsole.Allocation;
using MesosConsole.Mesos.Protobuf;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Master;

namespace MesosConsole.LocalCluster.Master;

internal sealed partial class LocalMaster
{
    /// <summary>Open operator SUBSCRIBE streams, each with whether it gets HEARTBEAT events.</summary>
    private readonly Dictionary<EventStream, bool> _operatorStreams = [];

    private void PublishOperator(Event e)
    {
        if (_operatorStreams.Count == 0)
        {
            return;
        }

        foreach (var stream in _operatorStreams.Keys)
        {
            stream.Send(e);
        }
    }

    /// <summary>
    /// Operator SUBSCRIBE: the snapshot and the registration happen under one lock, so no event falls
    /// between the SUBSCRIBED state and the first delta.
    /// </summary>
    public EventStream SubscribeOperator(bool protobufCodec, out ITimer? heartbeats)
    {
        lock (_sync)
        {
            var stream = new EventStream(Guid.NewGuid().ToString(), protobufCodec ? MesosCodec.Protobuf : MesosCodec.Json);
            var sendHeartbeats = _settings.OperatorHeartbeats switch
            {
                "never" => false,
                "protobufOnly" => protobufCodec,
                _ => true,
            };
            _operatorStreams[stream] = sendHeartbeats;
            stream.Send(new Event
            {
                Type = EventType.Subscribed,
                Subscribed = new SubscribedEvent { GetState = GetState(), HeartbeatIntervalSeconds = _settings.HeartbeatInterval.TotalSeconds },
            });
            heartbeats = null;
            if (sendHeartbeats)
            {
                var heartbeat = new Event { Type = EventType.Heartbeat };
                stream.Send(heartbeat);
                heartbeats = _time.CreateTimer(_ => stream.Send(heartbeat), null, _settings.HeartbeatInterval, _settings.HeartbeatInterval);
            }

            return stream;
        }
    }

    public void UnsubscribeOperator(EventStream stream)
    {
        lock (_sync)
        {
            _operatorStreams.Remove(stream);
            stream.Close();
        }
    }

    public int OperatorSubscribers
    {
        get
        {
            lock (_sync)
            {
                return _operatorStreams.Count;
            }
        }
    }

    /// <summary>
    /// Builds and serializes an answer under the master's lock: the answer shares live objects (task
    /// status lists) with the books, so it must not be written while another thread changes them.
    /// </summary>
    public byte[] SerializeLocked<T>(Func<T> build, MesosCodec? codec = null)
        where T : class
    {
        lock (_sync)
        {
            return (codec ?? MesosCodec.Json).Serialize(build());
        }
    }

    public GetState GetState()
    {
        lock (_sync)
        {
            return new GetState { GetTasks = GetTasks(), GetExecutors = new GetExecutors { Executors = [] }, GetFrameworks = GetFrameworks(), GetAgents = GetAgents() };
        }
    }

    public GetTasks GetTasks()
    {
        lock (_sync)
        {
            var tasks = new List<MesosTask>();
            var unreachable = new List<MesosTask>();
            var completed = new List<MesosTask>();
            foreach (var framework in _frameworks.Values.Concat(_completedFrameworks))
            {
                foreach (var task in framework.Tasks.Values)
                {
                    (task.State == Mesos.V1.TaskState.TaskUnreachable ? unreachable : tasks).Add(task.Wire);
                }

                completed.AddRange(framework.CompletedTasks.Select(t => t.Wire));
            }

            return new GetTasks { Tasks = tasks, UnreachableTasks = unreachable, CompletedTasks = completed };
        }
    }

    public GetFrameworks GetFrameworks()
    {
        lock (_sync)
        {
            return new GetFrameworks
            {
                Frameworks = _frameworks.Values.Select(FrameworkEntry).ToList(),
                CompletedFrameworks = _completedFrameworks.Select(FrameworkEntry).ToList(),
            };
        }
    }

    public GetAgents GetAgents()
    {
        lock (_sync)
        {
            return new GetAgents { Agents = _agents.Values.Select(AgentEntry).ToList(), RecoveredAgents = [] };
        }
    }

    public GetMaster GetMaster() => new()
    {
        MasterInfo = Info,
        StartTime = StartTime.ToUnixTimeMilliseconds() / 1000.0,
        ElectedTime = ElectedTime.ToUnixTimeMilliseconds() / 1000.0,
    };

    public GetRoles GetRoles()
    {
        lock (_sync)
        {
            var roles = _frameworks.Values.SelectMany(f => f.Roles.Select(r => (Role: r, Framework: f)))
                .GroupBy(x => x.Role, StringComparer.Ordinal)
                .Select(g => new Role
                {
                    Name = g.Key,
                    Weight = 1.0,
                    Frameworks = g.Select(x => x.Framework.Id).ToList(),
                    Resources = ResourceMapping.ToWire(g.Aggregate(Resources.Empty, (sum, x) => sum + x.Framework.Used(g.Key) + x.Framework.Offered(g.Key)), "*"),
                })
                .ToList();
            return new GetRoles { Roles = roles };
        }
    }

    private FrameworkEntry FrameworkEntry(FrameworkRecord framework)
    {
        var used = framework.Tasks.Values.Where(t => !t.ResourcesReleased).ToList();
        var allocated = used.GroupBy(t => t.Role)
            .SelectMany(g => ResourceMapping.ToWire(g.Aggregate(Resources.Empty, (sum, t) => sum + t.Resources), "*", g.Key));
        var offered = framework.Offers.Values.GroupBy(o => o.Role)
            .SelectMany(g => ResourceMapping.ToWire(g.Aggregate(Resources.Empty, (sum, o) => sum + o.Resources), "*", g.Key));
        var agents = _agents;
        return new FrameworkEntry
        {
            FrameworkInfo = framework.Info,
            Active = framework.Active,
            Connected = framework.Connected,
            Recovered = false,
            RegisteredTime = TimeInfoOf(framework.RegisteredAt),
            ReregisteredTime = TimeInfoOf(framework.ReregisteredAt),
            UnregisteredTime = framework.UnregisteredAt is { } at ? TimeInfoOf(at) : null,
            Offers = framework.Offers.Values.Where(o => agents.ContainsKey(o.AgentId.Value))
                .Select(o => OfferWire(framework, agents[o.AgentId.Value], o)).ToList(),
            AllocatedResources = allocated.ToList(),
            OfferedResources = offered.ToList(),
        };
    }

    private AgentEntry AgentEntry(AgentRecord agent)
    {
        return new AgentEntry
        {
            AgentInfo = agent.Agent.Info,
            Active = agent.Active,
            Deactivated = !agent.Active,
            Version = Version,
            Pid = agent.Agent.Pid,
            RegisteredTime = TimeInfoOf(agent.RegisteredAt),
            TotalResources = ResourceMapping.ToWire(agent.Total, "*"),
            AllocatedResources = ResourceMapping.ToWire(agent.Used, "*", "*"),
            OfferedResources = ResourceMapping.ToWire(agent.Offered, "*", "*"),
            Capabilities =
            [
                new AgentCapability { Type = AgentCapabilityType.MultiRole },
                new AgentCapability { Type = AgentCapabilityType.HierarchicalRole },
                new AgentCapability { Type = AgentCapabilityType.ReservationRefinement },
            ],
        };
    }
}
