namespace MesosConsole.Mesos.V1.Master;

// mesos.v1.master.Call / Response / Event (the operator API). Call and Response type numbers differ.

public enum CallType
{
    Unknown = 0,
    GetHealth = 1,
    GetFlags = 2,
    GetVersion = 3,
    GetMetrics = 4,
    GetLoggingLevel = 5,
    SetLoggingLevel = 6,
    ListFiles = 7,
    ReadFile = 8,
    GetState = 9,
    GetAgents = 10,
    GetFrameworks = 11,
    GetExecutors = 12,
    GetTasks = 13,
    GetRoles = 14,
    GetWeights = 15,
    UpdateWeights = 16,
    GetMaster = 17,
    Subscribe = 18,
    ReserveResources = 19,
    UnreserveResources = 20,
    CreateVolumes = 21,
    DestroyVolumes = 22,
    GetMaintenanceStatus = 23,
    GetMaintenanceSchedule = 24,
    UpdateMaintenanceSchedule = 25,
    StartMaintenance = 26,
    StopMaintenance = 27,
    GetQuota = 28,
    SetQuota = 29,
    RemoveQuota = 30,
    Teardown = 31,
    MarkAgentGone = 32,
    GetOperations = 33,
    GrowVolume = 34,
    ShrinkVolume = 35,
    UpdateQuota = 36,
    DrainAgent = 37,
    DeactivateAgent = 38,
    ReactivateAgent = 39,
}

public sealed class Call
{
    public CallType? Type { get; set; }
    public GetMetricsCall? GetMetrics { get; set; }
    public ListFilesCall? ListFiles { get; set; }
    public ReadFileCall? ReadFile { get; set; }
    public TeardownCall? Teardown { get; set; }
    public MarkAgentGoneCall? MarkAgentGone { get; set; }
}

public sealed class GetMetricsCall
{
    public DurationInfo? Timeout { get; set; }
}

public sealed class ListFilesCall
{
    public string? Path { get; set; }
}

public sealed class ReadFileCall
{
    public string? Path { get; set; }
    public ulong? Offset { get; set; }
    public ulong? Length { get; set; }
}

public sealed class TeardownCall
{
    public FrameworkID? FrameworkId { get; set; }
}

public sealed class MarkAgentGoneCall
{
    public AgentID? AgentId { get; set; }
}

public enum ResponseType
{
    Unknown = 0,
    GetHealth = 1,
    GetFlags = 2,
    GetVersion = 3,
    GetMetrics = 4,
    GetLoggingLevel = 5,
    ListFiles = 6,
    ReadFile = 7,
    GetState = 8,
    GetAgents = 9,
    GetFrameworks = 10,
    GetExecutors = 11,
    GetTasks = 12,
    GetRoles = 13,
    GetWeights = 14,
    GetMaster = 15,
    GetMaintenanceStatus = 16,
    GetMaintenanceSchedule = 17,
    GetQuota = 18,
    GetOperations = 19,
}

public sealed class Response
{
    public ResponseType? Type { get; set; }
    public GetHealth? GetHealth { get; set; }
    public GetFlags? GetFlags { get; set; }
    public GetVersion? GetVersion { get; set; }
    public GetMetrics? GetMetrics { get; set; }
    public ListFiles? ListFiles { get; set; }
    public ReadFile? ReadFile { get; set; }
    public GetState? GetState { get; set; }
    public GetAgents? GetAgents { get; set; }
    public GetFrameworks? GetFrameworks { get; set; }
    public GetExecutors? GetExecutors { get; set; }
    public GetTasks? GetTasks { get; set; }
    public GetRoles? GetRoles { get; set; }
    public GetMaster? GetMaster { get; set; }
}

public sealed class GetHealth
{
    public bool? Healthy { get; set; }
}

public sealed class GetFlags
{
    public List<Flag>? Flags { get; set; }
}

public sealed class GetVersion
{
    public VersionInfo? VersionInfo { get; set; }
}

public sealed class GetMetrics
{
    public List<Metric>? Metrics { get; set; }
}

public sealed class ListFiles
{
    public List<FileInfo>? FileInfos { get; set; }
}

public sealed class ReadFile
{
    public ulong? Size { get; set; }
    public byte[]? Data { get; set; }
}

public sealed class GetState
{
    public GetTasks? GetTasks { get; set; }
    public GetExecutors? GetExecutors { get; set; }
    public GetFrameworks? GetFrameworks { get; set; }
    public GetAgents? GetAgents { get; set; }
}

public sealed class GetAgents
{
    public List<AgentEntry>? Agents { get; set; }
    public List<AgentInfo>? RecoveredAgents { get; set; }
}

public sealed class AgentEntry
{
    public AgentInfo? AgentInfo { get; set; }
    public bool? Active { get; set; }
    public bool? Deactivated { get; set; }
    public string? Version { get; set; }
    public string? Pid { get; set; }
    public TimeInfo? RegisteredTime { get; set; }
    public TimeInfo? ReregisteredTime { get; set; }
    public List<Resource>? TotalResources { get; set; }
    public List<Resource>? AllocatedResources { get; set; }
    public List<Resource>? OfferedResources { get; set; }
    public List<AgentCapability>? Capabilities { get; set; }
}

public sealed class GetFrameworks
{
    public List<FrameworkEntry>? Frameworks { get; set; }
    public List<FrameworkEntry>? CompletedFrameworks { get; set; }
}

public sealed class FrameworkEntry
{
    public FrameworkInfo? FrameworkInfo { get; set; }
    public bool? Active { get; set; }
    public bool? Connected { get; set; }
    public bool? Recovered { get; set; }
    public TimeInfo? RegisteredTime { get; set; }
    public TimeInfo? ReregisteredTime { get; set; }
    public TimeInfo? UnregisteredTime { get; set; }
    public List<Offer>? Offers { get; set; }
    public List<Resource>? AllocatedResources { get; set; }
    public List<Resource>? OfferedResources { get; set; }
}

public sealed class GetExecutors
{
    public List<ExecutorEntry>? Executors { get; set; }
    public List<ExecutorEntry>? OrphanExecutors { get; set; }
}

public sealed class ExecutorEntry
{
    public ExecutorInfo? ExecutorInfo { get; set; }
    public AgentID? AgentId { get; set; }
}

public sealed class GetTasks
{
    public List<MesosTask>? PendingTasks { get; set; }
    public List<MesosTask>? Tasks { get; set; }
    public List<MesosTask>? UnreachableTasks { get; set; }
    public List<MesosTask>? CompletedTasks { get; set; }
}

public sealed class GetRoles
{
    public List<Role>? Roles { get; set; }
}

public sealed class GetMaster
{
    public MasterInfo? MasterInfo { get; set; }
    public double? StartTime { get; set; }
    public double? ElectedTime { get; set; }
}

public enum EventType
{
    Unknown = 0,
    Subscribed = 1,
    TaskAdded = 2,
    TaskUpdated = 3,
    AgentAdded = 4,
    AgentRemoved = 5,
    FrameworkAdded = 6,
    FrameworkUpdated = 7,
    FrameworkRemoved = 8,
    Heartbeat = 9,
}

public sealed class Event
{
    public EventType? Type { get; set; }
    public SubscribedEvent? Subscribed { get; set; }
    public TaskAddedEvent? TaskAdded { get; set; }
    public TaskUpdatedEvent? TaskUpdated { get; set; }
    public AgentAddedEvent? AgentAdded { get; set; }
    public AgentRemovedEvent? AgentRemoved { get; set; }
    public FrameworkEvent? FrameworkAdded { get; set; }
    public FrameworkEvent? FrameworkUpdated { get; set; }
    public FrameworkRemovedEvent? FrameworkRemoved { get; set; }
}

public sealed class SubscribedEvent
{
    public GetState? GetState { get; set; }
    public double? HeartbeatIntervalSeconds { get; set; }
}

public sealed class TaskAddedEvent
{
    public MesosTask? Task { get; set; }
}

public sealed class TaskUpdatedEvent
{
    public FrameworkID? FrameworkId { get; set; }
    public TaskStatus? Status { get; set; }
    public TaskState? State { get; set; }
}

public sealed class AgentAddedEvent
{
    public AgentEntry? Agent { get; set; }
}

public sealed class AgentRemovedEvent
{
    public AgentID? AgentId { get; set; }
}

public sealed class FrameworkEvent
{
    public FrameworkEntry? Framework { get; set; }
}

public sealed class FrameworkRemovedEvent
{
    public FrameworkInfo? FrameworkInfo { get; set; }
}
