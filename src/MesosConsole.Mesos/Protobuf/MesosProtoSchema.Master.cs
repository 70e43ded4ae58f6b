using MesosConsole.Mesos.V1.Master;

namespace MesosConsole.Mesos.Protobuf;

// mesos.v1.master (master.proto): the operator API's Call, Response and Event (reference §7, A.3).
public static partial class MesosProtoSchema
{
    private static void DefineMaster(ProtoSchemaBuilder s)
    {
        s.Message<Call>(m => m
            .Field(1, x => x.Type).Field(2, x => x.GetMetrics).Field(4, x => x.ListFiles).Field(5, x => x.ReadFile)
            .Field(16, x => x.Teardown).Field(17, x => x.MarkAgentGone));
        s.Message<GetMetricsCall>(m => m.Field(1, x => x.Timeout));
        s.Message<ListFilesCall>(m => m.Field(1, x => x.Path));
        s.Message<ReadFileCall>(m => m.Field(1, x => x.Path).Field(2, x => x.Offset).Field(3, x => x.Length));
        s.Message<TeardownCall>(m => m.Field(1, x => x.FrameworkId));
        s.Message<MarkAgentGoneCall>(m => m.Field(1, x => x.AgentId));

        s.Message<Response>(m => m
            .Field(1, x => x.Type).Field(2, x => x.GetHealth).Field(3, x => x.GetFlags).Field(4, x => x.GetVersion)
            .Field(5, x => x.GetMetrics).Field(7, x => x.ListFiles).Field(8, x => x.ReadFile).Field(9, x => x.GetState)
            .Field(10, x => x.GetAgents).Field(11, x => x.GetFrameworks).Field(12, x => x.GetExecutors)
            .Field(13, x => x.GetTasks).Field(14, x => x.GetRoles).Field(16, x => x.GetMaster));
        s.Message<GetHealth>(m => m.Field(1, x => x.Healthy));
        s.Message<GetFlags>(m => m.Field(1, x => x.Flags));
        s.Message<GetVersion>(m => m.Field(1, x => x.VersionInfo));
        s.Message<GetMetrics>(m => m.Field(1, x => x.Metrics));
        s.Message<ListFiles>(m => m.Field(1, x => x.FileInfos));
        s.Message<ReadFile>(m => m.Field(1, x => x.Size).Field(2, x => x.Data));
        s.Message<GetState>(m => m.Field(1, x => x.GetTasks).Field(2, x => x.GetExecutors).Field(3, x => x.GetFrameworks).Field(4, x => x.GetAgents));
        s.Message<GetAgents>(m => m.Field(1, x => x.Agents).Field(2, x => x.RecoveredAgents));
        s.Message<AgentEntry>(m => m
            .Field(1, x => x.AgentInfo).Field(2, x => x.Active).Field(3, x => x.Version).Field(4, x => x.Pid)
            .Field(5, x => x.RegisteredTime).Field(6, x => x.ReregisteredTime).Field(7, x => x.TotalResources)
            .Field(8, x => x.AllocatedResources).Field(9, x => x.OfferedResources).Field(10, x => x.Capabilities)
            .Field(12, x => x.Deactivated));
        s.Message<GetFrameworks>(m => m.Field(1, x => x.Frameworks).Field(2, x => x.CompletedFrameworks));
        s.Message<FrameworkEntry>(m => m
            .Field(1, x => x.FrameworkInfo).Field(2, x => x.Active).Field(3, x => x.Connected).Field(4, x => x.RegisteredTime)
            .Field(5, x => x.ReregisteredTime).Field(6, x => x.UnregisteredTime).Field(7, x => x.Offers)
            .Field(9, x => x.AllocatedResources).Field(10, x => x.OfferedResources).Field(11, x => x.Recovered));
        s.Message<GetExecutors>(m => m.Field(1, x => x.Executors).Field(2, x => x.OrphanExecutors));
        s.Message<ExecutorEntry>(m => m.Field(1, x => x.ExecutorInfo).Field(2, x => x.AgentId));
        s.Message<GetTasks>(m => m
            .Field(1, x => x.PendingTasks).Field(2, x => x.Tasks).Field(3, x => x.CompletedTasks).Field(5, x => x.UnreachableTasks));
        s.Message<GetRoles>(m => m.Field(1, x => x.Roles));
        s.Message<GetMaster>(m => m.Field(1, x => x.MasterInfo).Field(2, x => x.StartTime).Field(3, x => x.ElectedTime));

        s.Message<Event>(m => m
            .Field(1, x => x.Type).Field(2, x => x.Subscribed).Field(3, x => x.TaskAdded).Field(4, x => x.TaskUpdated)
            .Field(5, x => x.AgentAdded).Field(6, x => x.AgentRemoved).Field(7, x => x.FrameworkAdded)
            .Field(8, x => x.FrameworkUpdated).Field(9, x => x.FrameworkRemoved));
        s.Message<SubscribedEvent>(m => m.Field(1, x => x.GetState).Field(2, x => x.HeartbeatIntervalSeconds));
        s.Message<TaskAddedEvent>(m => m.Field(1, x => x.Task));
        s.Message<TaskUpdatedEvent>(m => m.Field(1, x => x.FrameworkId).Field(2, x => x.Status).Field(3, x => x.State));
        s.Message<AgentAddedEvent>(m => m.Field(1, x => x.Agent));
        s.Message<AgentRemovedEvent>(m => m.Field(1, x => x.AgentId));
        // FRAMEWORK_ADDED and FRAMEWORK_UPDATED carry the same payload: framework 1.
        s.Message<FrameworkEvent>(m => m.Field(1, x => x.Framework));
        s.Message<FrameworkRemovedEvent>(m => m.Field(1, x => x.FrameworkInfo));
    }
}
