using MesosConsole.Mesos.V1.Scheduler;

namespace MesosConsole.Mesos.Protobuf;

// mesos.v1.scheduler (scheduler.proto): Call and Event with their sub-messages (reference §4.1).
public static partial class MesosProtoSchema
{
    private static void DefineScheduler(ProtoSchemaBuilder s)
    {
        s.Message<Call>(m => m
            .Field(1, x => x.FrameworkId).Field(2, x => x.Type).Field(3, x => x.Subscribe).Field(4, x => x.Accept)
            .Field(5, x => x.Decline).Field(6, x => x.Kill).Field(7, x => x.Shutdown).Field(8, x => x.Acknowledge)
            .Field(9, x => x.Reconcile).Field(10, x => x.Message).Field(15, x => x.Revive).Field(16, x => x.Suppress)
            .Field(19, x => x.UpdateFramework));
        s.Message<SubscribeCall>(m => m.Field(1, x => x.FrameworkInfo).Field(2, x => x.SuppressedRoles));
        s.Message<LaunchOperation>(m => m.Field(1, x => x.TaskInfos));
        s.Message<LaunchGroupOperation>(m => m.Field(1, x => x.Executor).Field(2, x => x.TaskGroup));
        s.Message<OfferOperation>(m => m.Field(1, x => x.Type).Field(2, x => x.Launch).Field(7, x => x.LaunchGroup));
        s.Message<AcceptCall>(m => m.Field(1, x => x.OfferIds).Field(2, x => x.Operations).Field(3, x => x.Filters));
        s.Message<DeclineCall>(m => m.Field(1, x => x.OfferIds).Field(2, x => x.Filters));
        s.Message<ReviveCall>(m => m.Field(1, x => x.Roles));
        s.Message<SuppressCall>(m => m.Field(1, x => x.Roles));
        s.Message<KillCall>(m => m.Field(1, x => x.TaskId).Field(2, x => x.AgentId).Field(3, x => x.KillPolicy));
        s.Message<ShutdownCall>(m => m.Field(1, x => x.ExecutorId).Field(2, x => x.AgentId));
        s.Message<AcknowledgeCall>(m => m.Field(1, x => x.AgentId).Field(2, x => x.TaskId).Field(3, x => x.Uuid));
        s.Message<ReconcileTask>(m => m.Field(1, x => x.TaskId).Field(2, x => x.AgentId));
        s.Message<ReconcileCall>(m => m.Field(1, x => x.Tasks));
        // Call.Message and Event.Message share one shape: agent_id 1, executor_id 2, data 3.
        s.Message<MessageCall>(m => m.Field(1, x => x.AgentId).Field(2, x => x.ExecutorId).Field(3, x => x.Data));

        s.Message<Event>(m => m
            .Field(1, x => x.Type).Field(2, x => x.Subscribed).Field(3, x => x.Offers).Field(4, x => x.Rescind)
            .Field(5, x => x.Update).Field(6, x => x.Message).Field(7, x => x.Failure).Field(8, x => x.Error));
        s.Message<SubscribedEvent>(m => m.Field(1, x => x.FrameworkId).Field(2, x => x.HeartbeatIntervalSeconds).Field(3, x => x.MasterInfo));
        s.Message<OffersEvent>(m => m.Field(1, x => x.Offers));
        s.Message<RescindEvent>(m => m.Field(1, x => x.OfferId));
        s.Message<UpdateEvent>(m => m.Field(1, x => x.Status));
        s.Message<FailureEvent>(m => m.Field(1, x => x.AgentId).Field(2, x => x.ExecutorId).Field(3, x => x.Status));
        s.Message<ErrorEvent>(m => m.Field(1, x => x.Message));
    }
}
