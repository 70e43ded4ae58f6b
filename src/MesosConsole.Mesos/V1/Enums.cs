namespace MesosConsole.Mesos.V1;

// Enum members spell the upstream Mesos names in PascalCase; MesosJson writes them back as
// SCREAMING_SNAKE_CASE (TaskRunning -> "TASK_RUNNING"). Numbers are the upstream protobuf numbers.

public enum TaskState
{
    TaskStaging = 6,
    TaskStarting = 0,
    TaskRunning = 1,
    TaskKilling = 8,
    TaskFinished = 2,
    TaskFailed = 3,
    TaskKilled = 4,
    TaskError = 7,
    TaskLost = 5,
    TaskDropped = 9,
    TaskUnreachable = 10,
    TaskGone = 11,
    TaskGoneByOperator = 12,
    TaskUnknown = 13,
}

public enum TaskStatusSource
{
    SourceMaster = 0,
    SourceAgent = 1,
    SourceExecutor = 2,
}

/// <summary>
/// TaskStatus.Reason, limited to the values mesos-go 0.0.6 can decode: with its JSON codec an unknown
/// enum name fails the whole event, so REASON_AGENT_REMOVED_BY_OPERATOR and later are deliberately absent.
/// </summary>
public enum TaskStatusReason
{
    ReasonCommandExecutorFailed = 0,
    ReasonExecutorTerminated = 1,
    ReasonExecutorUnregistered = 2,
    ReasonFrameworkRemoved = 3,
    ReasonGcError = 4,
    ReasonInvalidFrameworkid = 5,
    ReasonInvalidOffers = 6,
    ReasonMasterDisconnected = 7,
    ReasonContainerLimitationMemory = 8,
    ReasonReconciliation = 9,
    ReasonAgentDisconnected = 10,
    ReasonAgentRemoved = 11,
    ReasonAgentRestarted = 12,
    ReasonAgentUnknown = 13,
    ReasonTaskInvalid = 14,
    ReasonTaskUnauthorized = 15,
    ReasonTaskUnknown = 16,
    ReasonContainerPreempted = 17,
    ReasonResourcesUnknown = 18,
    ReasonContainerLimitation = 19,
    ReasonContainerLimitationDisk = 20,
    ReasonContainerLaunchFailed = 21,
    ReasonContainerUpdateFailed = 22,
    ReasonExecutorRegistrationTimeout = 23,
    ReasonExecutorReregistrationTimeout = 24,
    ReasonTaskGroupInvalid = 25,
    ReasonTaskGroupUnauthorized = 26,
    ReasonIoSwitchboardExited = 27,
    ReasonTaskCheckStatusUpdated = 28,
    ReasonTaskHealthCheckStatusUpdated = 29,
    ReasonTaskKilledDuringLaunch = 30,
}

public enum FrameworkCapabilityType
{
    Unknown = 0,
    RevocableResources = 1,
    TaskKillingState = 2,
    GpuResources = 3,
    SharedResources = 4,
    PartitionAware = 5,
    MultiRole = 6,
    ReservationRefinement = 7,
    RegionAware = 8,
}

public enum AgentCapabilityType
{
    Unknown = 0,
    MultiRole = 1,
    HierarchicalRole = 2,
    ReservationRefinement = 3,
}

public enum ExecutorType
{
    Unknown = 0,
    Default = 1,
    Custom = 2,
}

public enum OperationType
{
    Unknown = 0,
    Launch = 1,
    LaunchGroup = 6,
    Reserve = 2,
    Unreserve = 3,
    Create = 4,
    Destroy = 5,
}

public static class TaskStates
{
    public static bool IsTerminal(TaskState state) => state is TaskState.TaskFinished or TaskState.TaskFailed
        or TaskState.TaskKilled or TaskState.TaskError or TaskState.TaskLost or TaskState.TaskDropped
        or TaskState.TaskGone or TaskState.TaskGoneByOperator;
}
