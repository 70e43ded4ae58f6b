using System.Text.Json;
using System.Text.Json.Serialization;

namespace MesosConsole.Mesos.V1;

// The mesos.v1 messages the project reads and writes, named and shaped as in Mesos's JSON mapping
// (see shared/reference/mesos-http-api.md, Appendix A). Fields the project does not interpret are kept
// as raw JSON so that what a framework sends is echoed back unchanged.

public sealed class Address
{
    public string? Hostname { get; set; }
    public string? Ip { get; set; }
    public int? Port { get; set; }
}

public sealed class Url
{
    public string? Scheme { get; set; }
    public Address? Address { get; set; }
    public string? Path { get; set; }
}

public sealed class FrameworkCapability
{
    public FrameworkCapabilityType? Type { get; set; }
}

public sealed class FrameworkInfo
{
    public string? User { get; set; }
    public string? Name { get; set; }
    public FrameworkID? Id { get; set; }
    public double? FailoverTimeout { get; set; }
    public bool? Checkpoint { get; set; }
    public string? Role { get; set; }
    public List<string>? Roles { get; set; }
    public string? Hostname { get; set; }
    public string? Principal { get; set; }
    public string? WebuiUrl { get; set; }
    public List<FrameworkCapability>? Capabilities { get; set; }
    public Labels? Labels { get; set; }
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }

    public bool Has(FrameworkCapabilityType type) => Capabilities?.Any(c => c.Type == type) == true;
}

public sealed class EnvironmentVariable
{
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Value { get; set; }
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}

public sealed class Environment
{
    public List<EnvironmentVariable>? Variables { get; set; }
}

public sealed class CommandUri
{
    public string? Value { get; set; }
    public bool? Executable { get; set; }
    public bool? Extract { get; set; }
    public bool? Cache { get; set; }
    public string? OutputFile { get; set; }
}

public sealed class CommandInfo
{
    public List<CommandUri>? Uris { get; set; }
    public Environment? Environment { get; set; }
    public bool? Shell { get; set; }
    public string? Value { get; set; }
    public List<string>? Arguments { get; set; }
    public string? User { get; set; }
}

public sealed class KillPolicy
{
    public DurationInfo? GracePeriod { get; set; }
}

public sealed class ExecutorInfo
{
    public ExecutorType? Type { get; set; }
    public ExecutorID? ExecutorId { get; set; }
    public FrameworkID? FrameworkId { get; set; }
    public CommandInfo? Command { get; set; }
    public List<Resource>? Resources { get; set; }
    public string? Name { get; set; }
    public string? Source { get; set; }
    public Labels? Labels { get; set; }
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}

public sealed class TaskInfo
{
    public string? Name { get; set; }
    public TaskID? TaskId { get; set; }
    public AgentID? AgentId { get; set; }
    public List<Resource>? Resources { get; set; }
    public ExecutorInfo? Executor { get; set; }
    public CommandInfo? Command { get; set; }
    public KillPolicy? KillPolicy { get; set; }
    public Labels? Labels { get; set; }
    public JsonElement? Container { get; set; }
    public JsonElement? HealthCheck { get; set; }
    public JsonElement? Discovery { get; set; }
    public JsonElement? Check { get; set; }
    public string? Data { get; set; }
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}

public sealed class TaskGroupInfo
{
    public List<TaskInfo>? Tasks { get; set; }
}

public sealed class ContainerStatus
{
    public ContainerID? ContainerId { get; set; }
    public int? ExecutorPid { get; set; }
    public JsonElement? NetworkInfos { get; set; }
}

public sealed class TaskStatus
{
    public TaskID? TaskId { get; set; }
    public TaskState? State { get; set; }
    public string? Message { get; set; }
    public TaskStatusSource? Source { get; set; }
    public TaskStatusReason? Reason { get; set; }
    public string? Data { get; set; }
    public AgentID? AgentId { get; set; }
    public ExecutorID? ExecutorId { get; set; }
    public double? Timestamp { get; set; }
    public byte[]? Uuid { get; set; }
    public bool? Healthy { get; set; }
    public Labels? Labels { get; set; }
    public ContainerStatus? ContainerStatus { get; set; }
    public TimeInfo? UnreachableTime { get; set; }

    /// <summary>A shallow copy, for re-sending a status with different source/reason/uuid.</summary>
    public TaskStatus Copy() => (TaskStatus)MemberwiseClone();
}

public sealed class Offer
{
    public OfferID? Id { get; set; }
    public FrameworkID? FrameworkId { get; set; }
    public AgentID? AgentId { get; set; }
    public string? Hostname { get; set; }
    public Url? Url { get; set; }
    public AllocationInfo? AllocationInfo { get; set; }
    public List<Resource>? Resources { get; set; }
    public List<Attribute>? Attributes { get; set; }
    public List<ExecutorID>? ExecutorIds { get; set; }
}

public sealed class Filters
{
    public double? RefuseSeconds { get; set; }
}

public sealed class MasterCapability
{
    public string? Type { get; set; }
}

public sealed class MasterInfo
{
    public string? Id { get; set; }
    public uint? Ip { get; set; }
    public int? Port { get; set; }
    public string? Pid { get; set; }
    public string? Hostname { get; set; }
    public string? Version { get; set; }
    public Address? Address { get; set; }
}

public sealed class AgentInfo
{
    public string? Hostname { get; set; }
    public int? Port { get; set; }
    public List<Resource>? Resources { get; set; }
    public List<Attribute>? Attributes { get; set; }
    public AgentID? Id { get; set; }
    public bool? Checkpoint { get; set; }
}

public sealed class AgentCapability
{
    public AgentCapabilityType? Type { get; set; }
}

/// <summary>mesos.v1.Task: the master's view of a launched task (named apart from System.Threading.Tasks.Task).</summary>
public sealed class MesosTask
{
    public string? Name { get; set; }
    public TaskID? TaskId { get; set; }
    public FrameworkID? FrameworkId { get; set; }
    public ExecutorID? ExecutorId { get; set; }
    public AgentID? AgentId { get; set; }
    public TaskState? State { get; set; }
    public List<Resource>? Resources { get; set; }
    public List<TaskStatus>? Statuses { get; set; }
    public TaskState? StatusUpdateState { get; set; }
    public byte[]? StatusUpdateUuid { get; set; }
    public Labels? Labels { get; set; }
    public JsonElement? Discovery { get; set; }
    public JsonElement? Container { get; set; }
    public JsonElement? HealthCheck { get; set; }
    public string? User { get; set; }
}

public sealed class VersionInfo
{
    public string? Version { get; set; }
    public string? BuildDate { get; set; }
    public double? BuildTime { get; set; }
    public string? BuildUser { get; set; }
    public string? GitSha { get; set; }
}

public sealed class Metric
{
    public string? Name { get; set; }
    public double? Value { get; set; }
}

public sealed class Flag
{
    public string? Name { get; set; }
    public string? Value { get; set; }
}

public sealed class FileInfo
{
    public string? Path { get; set; }
    public int? Nlink { get; set; }
    public ulong? Size { get; set; }
    public TimeInfo? Mtime { get; set; }
    public uint? Mode { get; set; }
    public string? Uid { get; set; }
    public string? Gid { get; set; }
}

public sealed class Role
{
    public string? Name { get; set; }
    public double? Weight { get; set; }
    public List<FrameworkID>? Frameworks { get; set; }
    public List<Resource>? Resources { get; set; }
}
