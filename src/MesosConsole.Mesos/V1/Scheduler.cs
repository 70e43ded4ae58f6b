namespace MesosConsole.Mesos.V1.Scheduler;

// mesos.v1.scheduler.Call and Event: union style, a `type` plus one sub-message named after it.

public enum CallType
{
    Unknown = 0,
    Subscribe = 1,
    Teardown = 2,
    Accept = 3,
    Decline = 4,
    Revive = 5,
    Kill = 6,
    Shutdown = 7,
    Acknowledge = 8,
    Reconcile = 9,
    Message = 10,
    Request = 11,
    Suppress = 12,
    AcceptInverseOffers = 13,
    DeclineInverseOffers = 14,
    AcknowledgeOperationStatus = 15,
    ReconcileOperations = 16,
    UpdateFramework = 17,
}

public sealed class Call
{
    public FrameworkID? FrameworkId { get; set; }
    public CallType? Type { get; set; }
    public SubscribeCall? Subscribe { get; set; }
    public AcceptCall? Accept { get; set; }
    public DeclineCall? Decline { get; set; }
    public ReviveCall? Revive { get; set; }
    public SuppressCall? Suppress { get; set; }
    public KillCall? Kill { get; set; }
    public ShutdownCall? Shutdown { get; set; }
    public AcknowledgeCall? Acknowledge { get; set; }
    public ReconcileCall? Reconcile { get; set; }
    public MessageCall? Message { get; set; }
    public SubscribeCall? UpdateFramework { get; set; }
}

public sealed class SubscribeCall
{
    public FrameworkInfo? FrameworkInfo { get; set; }
    public List<string>? SuppressedRoles { get; set; }
}

public sealed class LaunchOperation
{
    public List<TaskInfo>? TaskInfos { get; set; }
}

public sealed class LaunchGroupOperation
{
    public ExecutorInfo? Executor { get; set; }
    public TaskGroupInfo? TaskGroup { get; set; }
}

public sealed class OfferOperation
{
    public OperationType? Type { get; set; }
    public LaunchOperation? Launch { get; set; }
    public LaunchGroupOperation? LaunchGroup { get; set; }
}

public sealed class AcceptCall
{
    public List<OfferID>? OfferIds { get; set; }
    public List<OfferOperation>? Operations { get; set; }
    public Filters? Filters { get; set; }
}

public sealed class DeclineCall
{
    public List<OfferID>? OfferIds { get; set; }
    public Filters? Filters { get; set; }
}

public sealed class ReviveCall
{
    public List<string>? Roles { get; set; }
}

public sealed class SuppressCall
{
    public List<string>? Roles { get; set; }
}

public sealed class KillCall
{
    public TaskID? TaskId { get; set; }
    public AgentID? AgentId { get; set; }
    public KillPolicy? KillPolicy { get; set; }
}

public sealed class ShutdownCall
{
    public ExecutorID? ExecutorId { get; set; }
    public AgentID? AgentId { get; set; }
}

public sealed class AcknowledgeCall
{
    public AgentID? AgentId { get; set; }
    public TaskID? TaskId { get; set; }
    public byte[]? Uuid { get; set; }
}

public sealed class ReconcileTask
{
    public TaskID? TaskId { get; set; }
    public AgentID? AgentId { get; set; }
}

public sealed class ReconcileCall
{
    public List<ReconcileTask>? Tasks { get; set; }
}

public sealed class MessageCall
{
    public AgentID? AgentId { get; set; }
    public ExecutorID? ExecutorId { get; set; }
    public byte[]? Data { get; set; }
}

public enum EventType
{
    Unknown = 0,
    Subscribed = 1,
    Offers = 2,
    Rescind = 3,
    Update = 4,
    Message = 5,
    Failure = 6,
    Error = 7,
    Heartbeat = 8,
}

public sealed class Event
{
    public EventType? Type { get; set; }
    public SubscribedEvent? Subscribed { get; set; }
    public OffersEvent? Offers { get; set; }
    public RescindEvent? Rescind { get; set; }
    public UpdateEvent? Update { get; set; }
    public MessageCall? Message { get; set; }
    public FailureEvent? Failure { get; set; }
    public ErrorEvent? Error { get; set; }
}

public sealed class SubscribedEvent
{
    public FrameworkID? FrameworkId { get; set; }
    public double? HeartbeatIntervalSeconds { get; set; }
    public MasterInfo? MasterInfo { get; set; }
}

public sealed class OffersEvent
{
    public List<Offer>? Offers { get; set; }
}

public sealed class RescindEvent
{
    public OfferID? OfferId { get; set; }
}

public sealed class UpdateEvent
{
    public TaskStatus? Status { get; set; }
}

public sealed class FailureEvent
{
    public AgentID? AgentId { get; set; }
    public ExecutorID? ExecutorId { get; set; }
    public int? Status { get; set; }
}

public sealed class ErrorEvent
{
    public string? Message { get; set; }
}
