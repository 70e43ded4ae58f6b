using MesosConsole.Mesos.State;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Master;

namespace MesosConsole.Web.Tests.Support;

/// <summary>Wire messages with sensible defaults, shaped like a real master's answers.</summary>
public static class Mock
{
    public const string MasterId = "e86c8183-8577-4fa1-9928-b713c9c27ffa";

    public static GetMaster Master(string pid = "master@127.0.0.1:5050", string hostname = "mesos-m1.example",
        double electedTime = 1795637908.087431) => new()
        {
            MasterInfo = new MasterInfo
            {
                Id = MasterId,
                Ip = 16777343,
                Port = 5050,
                Pid = pid,
                Hostname = hostname,
                Version = "1.11.0",
            },
            StartTime = electedTime - 0.5,
            ElectedTime = electedTime,
        };

    public static GetState State(int activeAgents = 0, int inactiveAgents = 0, int frameworks = 0,
        IEnumerable<MesosTask>? tasks = null, IEnumerable<MesosTask>? completedTasks = null) => new()
        {
            GetAgents = new GetAgents
            {
                Agents = Enumerable.Range(0, activeAgents + inactiveAgents).Select(i => Agent(i, active: i < activeAgents)).ToList(),
            },
            GetFrameworks = new GetFrameworks
            {
                Frameworks = Enumerable.Range(0, frameworks).Select(Framework).ToList(),
            },
            GetTasks = new GetTasks
            {
                Tasks = tasks?.ToList() ?? [],
                CompletedTasks = completedTasks?.ToList() ?? [],
            },
        };

    public static AgentEntry Agent(int index, bool active = true) => new()
    {
        AgentInfo = new AgentInfo { Hostname = "127.0.0.1", Port = 5051 + index, Id = new AgentID($"{MasterId}-S{index}") },
        Active = active,
        Version = "1.11.0",
        Pid = $"slave({index + 1})@127.0.0.1:{5051 + index}",
    };

    public static FrameworkEntry Framework(int index) => new()
    {
        FrameworkInfo = new FrameworkInfo { Name = $"framework-{index}", User = "root", Id = new FrameworkID($"{MasterId}-{index:D4}") },
        Active = true,
        Connected = true,
        Recovered = false,
    };

    public static MesosTask Task(TaskState? state, string id = "task") => new()
    {
        Name = id,
        TaskId = new TaskID(id),
        FrameworkId = new FrameworkID($"{MasterId}-0000"),
        AgentId = new AgentID($"{MasterId}-S0"),
        State = state,
    };

    public static IEnumerable<MesosTask> Tasks(TaskState state, int count) =>
        Enumerable.Range(0, count).Select(i => Task(state, $"{state}-{i}"));

    /// <summary>What the store holds once subscribed to a master answering <paramref name="state"/>.</summary>
    public static ClusterSnapshot Snapshot(GetState? state = null, GetMaster? master = null) =>
        ClusterEvents.FromState(ClusterSnapshot.Empty, state ?? State(activeAgents: 3)) with
        {
            Leader = WireViews.Master(master ?? Master()),
            Connected = true,
        };

    /// <summary>The SUBSCRIBED event a master answering <paramref name="state"/> sends first.</summary>
    public static Event Subscribed(GetState? state = null) => new()
    {
        Type = EventType.Subscribed,
        Subscribed = new SubscribedEvent { GetState = state ?? State(activeAgents: 3), HeartbeatIntervalSeconds = 15 },
    };
}
