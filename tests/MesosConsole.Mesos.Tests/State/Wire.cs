using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Master;
using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.Mesos.Tests.State;

/// <summary>Wire messages with sensible defaults, so each test spells out only what it is about.</summary>
internal static class Wire
{
    public static List<Resource> Resources(double cpus, double mem) =>
    [
        new() { Name = "cpus", Type = V1.ValueType.Scalar, Scalar = new Scalar { Value = cpus } },
        new() { Name = "mem", Type = V1.ValueType.Scalar, Scalar = new Scalar { Value = mem } },
    ];

    public static AgentEntry Agent(string id, double cpus = 4, double mem = 4096, double allocatedCpus = 0) => new()
    {
        AgentInfo = new AgentInfo { Id = new AgentID(id), Hostname = $"{id}.local", Port = 5051 },
        Active = true,
        Deactivated = false,
        Version = "1.11.0",
        Pid = $"slave(1)@{id}.local:5051",
        TotalResources = Resources(cpus, mem),
        AllocatedResources = Resources(allocatedCpus, 0),
        OfferedResources = [],
    };

    public static FrameworkEntry Framework(string id, bool active = true, string? name = null) => new()
    {
        FrameworkInfo = new FrameworkInfo
        {
            Id = new FrameworkID(id),
            Name = name ?? $"framework {id}",
            User = "root",
            Roles = ["science"],
            WebuiUrl = $"http://{id}.local:8080",
        },
        Active = active,
        Connected = active,
        Recovered = false,
    };

    public static MesosTask Task(string id, string framework = "F0", string agent = "S0",
        TaskState state = TaskState.TaskStaging, params TaskStatus[] statuses) => new()
        {
            Name = id,
            TaskId = new TaskID(id),
            FrameworkId = new FrameworkID(framework),
            AgentId = new AgentID(agent),
            State = state,
            Resources = Resources(0.5, 64),
            Statuses = [.. statuses],
        };

    public static TaskStatus Status(string task, TaskState state, double timestamp, string agent = "S0",
        string? uuid = "auto", TaskStatusReason? reason = null, string? message = null) => new()
        {
            TaskId = new TaskID(task),
            State = state,
            AgentId = new AgentID(agent),
            Source = TaskStatusSource.SourceExecutor,
            Reason = reason,
            Message = message,
            Timestamp = timestamp,
            Uuid = uuid is null ? null : System.Text.Encoding.ASCII.GetBytes(uuid == "auto" ? $"{task}-{state}-{timestamp}" : uuid),
        };

    public static GetState State(IEnumerable<AgentEntry>? agents = null, IEnumerable<FrameworkEntry>? frameworks = null,
        IEnumerable<MesosTask>? tasks = null, IEnumerable<MesosTask>? completedTasks = null,
        IEnumerable<FrameworkEntry>? completedFrameworks = null) => new()
        {
            GetAgents = new GetAgents { Agents = [.. agents ?? []] },
            GetFrameworks = new GetFrameworks { Frameworks = [.. frameworks ?? []], CompletedFrameworks = [.. completedFrameworks ?? []] },
            GetTasks = new GetTasks { Tasks = [.. tasks ?? []], CompletedTasks = [.. completedTasks ?? []] },
            GetExecutors = new GetExecutors(),
        };

    public static GetMaster Master(string id = "M1") => new()
    {
        MasterInfo = new MasterInfo { Id = id, Hostname = "master.local", Port = 5050, Pid = "master@127.0.0.1:5050", Version = "1.11.0" },
        StartTime = 1764064790.5,
        ElectedTime = 1764064791.0,
    };

    public static Event Subscribed(GetState state) =>
        new() { Type = EventType.Subscribed, Subscribed = new SubscribedEvent { GetState = state, HeartbeatIntervalSeconds = 15 } };

    public static Event Heartbeat() => new() { Type = EventType.Heartbeat };

    public static Event TaskAdded(MesosTask task) => new() { Type = EventType.TaskAdded, TaskAdded = new TaskAddedEvent { Task = task } };

    public static Event TaskUpdated(TaskStatus status, string framework = "F0") => new()
    {
        Type = EventType.TaskUpdated,
        TaskUpdated = new TaskUpdatedEvent { FrameworkId = new FrameworkID(framework), Status = status, State = status.State },
    };

    public static Event AgentAdded(AgentEntry agent) => new() { Type = EventType.AgentAdded, AgentAdded = new AgentAddedEvent { Agent = agent } };

    public static Event AgentRemoved(string id) =>
        new() { Type = EventType.AgentRemoved, AgentRemoved = new AgentRemovedEvent { AgentId = new AgentID(id) } };

    public static Event FrameworkAdded(FrameworkEntry framework) =>
        new() { Type = EventType.FrameworkAdded, FrameworkAdded = new FrameworkEvent { Framework = framework } };

    public static Event FrameworkUpdated(FrameworkEntry framework) =>
        new() { Type = EventType.FrameworkUpdated, FrameworkUpdated = new FrameworkEvent { Framework = framework } };

    public static Event FrameworkRemoved(FrameworkEntry framework) => new()
    {
        Type = EventType.FrameworkRemoved,
        FrameworkRemoved = new FrameworkRemovedEvent { FrameworkInfo = framework.FrameworkInfo },
    };
}
