using MesosConsole.Mesos.V1;

namespace MesosConsole.LocalCluster.Agent.Http;

// The agent's /state document (reference §8.7 and the real-agent captures), serialized with
// MesosJson.Options: property names become snake_case keys, enums their Mesos names, nulls are left out.

internal sealed record AgentStateDocument(
    string Version,
    string BuildDate,
    double BuildTime,
    string BuildUser,
    double StartTime,
    string Id,
    string Pid,
    string Hostname,
    IReadOnlyList<string> Capabilities,
    Dictionary<string, object> Resources,
    Dictionary<string, object> ReservedResources,
    Dictionary<string, object> UnreservedResources,
    Dictionary<string, object> ReservedResourcesFull,
    IReadOnlyList<Resource> UnreservedResourcesFull,
    Dictionary<string, object> ReservedResourcesAllocated,
    Dictionary<string, object> UnreservedResourcesAllocated,
    IReadOnlyList<object> ResourceProviders,
    Dictionary<string, object> Attributes,
    string MasterHostname,
    SortedDictionary<string, string> Flags,
    IReadOnlyList<FrameworkStateJson> Frameworks,
    IReadOnlyList<FrameworkStateJson> CompletedFrameworks);

internal sealed record FrameworkStateJson(
    string Id,
    string? Name,
    string? User,
    double FailoverTimeout,
    bool Checkpoint,
    string Hostname,
    string? Role,
    IReadOnlyList<string>? Roles,
    string? Principal,
    IReadOnlyList<ExecutorStateJson> Executors,
    IReadOnlyList<ExecutorStateJson> CompletedExecutors);

/// <param name="Directory">The sandbox, which clients pass to /files/browse on this agent.</param>
internal sealed record ExecutorStateJson(
    string Id,
    string Name,
    string Source,
    string Container,
    string Directory,
    Dictionary<string, object> Resources,
    string Role,
    IReadOnlyList<TaskEntryJson> Tasks,
    IReadOnlyList<TaskEntryJson> QueuedTasks,
    IReadOnlyList<TaskEntryJson> CompletedTasks);

/// <param name="ExecutorId">Empty for command tasks, as Mesos writes it.</param>
internal sealed record TaskEntryJson(
    string Id,
    string? Name,
    string FrameworkId,
    string ExecutorId,
    string SlaveId,
    TaskState State,
    Dictionary<string, object> Resources,
    string Role,
    IReadOnlyList<TaskStatusJson> Statuses,
    Labels? Labels);

/// <summary>A status as /state lists it: no uuid or source, just what happened when.</summary>
internal sealed record TaskStatusJson(TaskState State, double? Timestamp, ContainerStatus? ContainerStatus, bool? Healthy);
