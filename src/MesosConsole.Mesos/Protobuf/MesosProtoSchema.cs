using MesosConsole.Mesos.V1;
using Attribute = MesosConsole.Mesos.V1.Attribute;
using Environment = MesosConsole.Mesos.V1.Environment;
using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.Mesos.Protobuf;

/// <summary>
/// Field numbers of the wire classes in MesosConsole.Mesos.V1, from the upstream mesos.v1 .proto files
/// (reference Appendix A). The classes stay the single model; this table only adds what protobuf needs
/// on top of JSON: numbers and, where a class keeps a JSON representation (Base64 text, an enum name,
/// a bool for an empty message), the proto type behind it.
/// </summary>
public static partial class MesosProtoSchema
{
    public static ProtoSchema Build()
    {
        var schema = new ProtoSchemaBuilder();
        DefineCore(schema);
        DefineScheduler(schema);
        DefineMaster(schema);
        return schema.Build();
    }

    private static void DefineCore(ProtoSchemaBuilder s)
    {
        s.Message<FrameworkID>(m => m.Field(1, x => x.Value));
        s.Message<OfferID>(m => m.Field(1, x => x.Value));
        s.Message<AgentID>(m => m.Field(1, x => x.Value));
        s.Message<TaskID>(m => m.Field(1, x => x.Value));
        s.Message<ExecutorID>(m => m.Field(1, x => x.Value));
        s.Message<ContainerID>(m => m.Field(1, x => x.Value));
        s.Message<TimeInfo>(m => m.Field(1, x => x.Nanoseconds));
        s.Message<DurationInfo>(m => m.Field(1, x => x.Nanoseconds));

        s.Message<Address>(m => m.Field(1, x => x.Hostname).Field(2, x => x.Ip).Field(3, x => x.Port));
        s.Message<Url>(m => m.Field(1, x => x.Scheme).Field(2, x => x.Address).Field(3, x => x.Path));
        s.Message<Label>(m => m.Field(1, x => x.Key).Field(2, x => x.Value));
        s.Message<Labels>(m => m.Field(1, x => x.Items));

        // Values and resources.
        s.Message<Scalar>(m => m.Field(1, x => x.Value));
        s.Message<ValueRange>(m => m.Field(1, x => x.Begin).Field(2, x => x.End));
        s.Message<Ranges>(m => m.Field(1, x => x.Range));
        s.Message<ValueSet>(m => m.Field(1, x => x.Item));
        s.Message<Text>(m => m.Field(1, x => x.Value));
        s.Message<Attribute>(m => m
            .Field(1, x => x.Name).Field(2, x => x.Type).Field(3, x => x.Scalar).Field(4, x => x.Ranges)
            .Field(5, x => x.Text).Field(6, x => x.Set));
        s.Message<AllocationInfo>(m => m.Field(1, x => x.Role));
        s.Message<ReservationInfo>(m => m
            .Field(1, x => x.Principal).Field(2, x => x.Labels).Field(3, x => x.Role)
            .NamedEnum(4, x => x.Type, "UNKNOWN", "STATIC", "DYNAMIC"));
        s.Message<Resource>(m => m
            .Field(1, x => x.Name).Field(2, x => x.Type).Field(3, x => x.Scalar).Field(4, x => x.Ranges)
            .Field(5, x => x.Set).Field(6, x => x.Role).Field(8, x => x.Reservation)
            .PresenceFlag(10, x => x.Shared).Field(11, x => x.AllocationInfo).Field(13, x => x.Reservations)
            .JsonOnly(x => x.Other));

        // Frameworks, commands, tasks.
        s.Message<FrameworkCapability>(m => m.Field(1, x => x.Type));
        s.Message<FrameworkInfo>(m => m
            .Field(1, x => x.User).Field(2, x => x.Name).Field(3, x => x.Id).Field(4, x => x.FailoverTimeout)
            .Field(5, x => x.Checkpoint).Field(6, x => x.Role).Field(7, x => x.Hostname).Field(8, x => x.Principal)
            .Field(9, x => x.WebuiUrl).Field(10, x => x.Capabilities).Field(11, x => x.Labels).Field(12, x => x.Roles)
            .JsonOnly(x => x.Other));
        s.Message<EnvironmentVariable>(m => m
            .Field(1, x => x.Name).Field(2, x => x.Value).NamedEnum(3, x => x.Type, "UNKNOWN", "VALUE", "SECRET")
            .JsonOnly(x => x.Other));
        s.Message<Environment>(m => m.Field(1, x => x.Variables));
        s.Message<CommandUri>(m => m
            .Field(1, x => x.Value).Field(2, x => x.Executable).Field(3, x => x.Extract).Field(4, x => x.Cache)
            .Field(5, x => x.OutputFile));
        s.Message<CommandInfo>(m => m
            .Field(1, x => x.Uris).Field(2, x => x.Environment).Field(3, x => x.Value).Field(5, x => x.User)
            .Field(6, x => x.Shell).Field(7, x => x.Arguments));
        s.Message<KillPolicy>(m => m.Field(1, x => x.GracePeriod));
        s.Message<ExecutorInfo>(m => m
            .Field(1, x => x.ExecutorId).Field(5, x => x.Resources).Field(7, x => x.Command).Field(8, x => x.FrameworkId)
            .Field(9, x => x.Name).Field(10, x => x.Source).Field(14, x => x.Labels).Field(15, x => x.Type)
            .JsonOnly(x => x.Other));
        s.Message<TaskInfo>(m => m
            .Field(1, x => x.Name).Field(2, x => x.TaskId).Field(3, x => x.AgentId).Field(4, x => x.Resources)
            .Field(5, x => x.Executor).Base64Bytes(6, x => x.Data).Field(7, x => x.Command).Field(10, x => x.Labels)
            .Field(12, x => x.KillPolicy)
            .JsonOnly(x => x.Container).JsonOnly(x => x.HealthCheck).JsonOnly(x => x.Discovery).JsonOnly(x => x.Check)
            .JsonOnly(x => x.Other));
        s.Message<TaskGroupInfo>(m => m.Field(1, x => x.Tasks));
        s.Message<ContainerStatus>(m => m
            .Field(3, x => x.ExecutorPid).Field(4, x => x.ContainerId)
            .JsonOnly(x => x.NetworkInfos));
        s.Message<TaskStatus>(m => m
            .Field(1, x => x.TaskId).Field(2, x => x.State).Base64Bytes(3, x => x.Data).Field(4, x => x.Message)
            .Field(5, x => x.AgentId).Field(6, x => x.Timestamp).Field(7, x => x.ExecutorId).Field(8, x => x.Healthy)
            .Field(9, x => x.Source).Field(10, x => x.Reason).Field(11, x => x.Uuid).Field(12, x => x.Labels)
            .Field(13, x => x.ContainerStatus).Field(14, x => x.UnreachableTime));
        s.Message<MesosTask>(m => m
            .Field(1, x => x.Name).Field(2, x => x.TaskId).Field(3, x => x.FrameworkId).Field(4, x => x.ExecutorId)
            .Field(5, x => x.AgentId).Field(6, x => x.State).Field(7, x => x.Resources).Field(8, x => x.Statuses)
            .Field(9, x => x.StatusUpdateState).Field(10, x => x.StatusUpdateUuid).Field(11, x => x.Labels)
            .Field(14, x => x.User)
            .JsonOnly(x => x.Discovery).JsonOnly(x => x.Container).JsonOnly(x => x.HealthCheck));

        // Offers, masters, agents.
        s.Message<Offer>(m => m
            .Field(1, x => x.Id).Field(2, x => x.FrameworkId).Field(3, x => x.AgentId).Field(4, x => x.Hostname)
            .Field(5, x => x.Resources).Field(6, x => x.ExecutorIds).Field(7, x => x.Attributes).Field(8, x => x.Url)
            .Field(10, x => x.AllocationInfo));
        s.Message<Filters>(m => m.Field(1, x => x.RefuseSeconds));
        s.Message<MasterCapability>(m => m.NamedEnum(1, x => x.Type, "UNKNOWN", "AGENT_UPDATE", "AGENT_DRAINING", "QUOTA_V2"));
        s.Message<MasterInfo>(m => m
            .Field(1, x => x.Id).Field(2, x => x.Ip).Field(3, x => x.Port).Field(4, x => x.Pid).Field(5, x => x.Hostname)
            .Field(6, x => x.Version).Field(7, x => x.Address));
        // checkpoint is SlaveInfo's old field 7, gone from mesos.v1.AgentInfo: clients skip it as unknown.
        s.Message<AgentInfo>(m => m
            .Field(1, x => x.Hostname).Field(3, x => x.Resources).Field(5, x => x.Attributes).Field(6, x => x.Id)
            .Field(7, x => x.Checkpoint).Field(8, x => x.Port));
        s.Message<AgentCapability>(m => m.Field(1, x => x.Type));

        // Operator payloads from mesos.proto.
        s.Message<VersionInfo>(m => m
            .Field(1, x => x.Version).Field(2, x => x.BuildDate).Field(3, x => x.BuildTime).Field(4, x => x.BuildUser)
            .Field(5, x => x.GitSha));
        s.Message<Metric>(m => m.Field(1, x => x.Name).Field(2, x => x.Value));
        s.Message<Flag>(m => m.Field(1, x => x.Name).Field(2, x => x.Value));
        s.Message<V1.FileInfo>(m => m
            .Field(1, x => x.Path).Field(2, x => x.Nlink).Field(3, x => x.Size).Field(4, x => x.Mtime).Field(5, x => x.Mode)
            .Field(6, x => x.Uid).Field(7, x => x.Gid));
        s.Message<Role>(m => m.Field(1, x => x.Name).Field(2, x => x.Weight).Field(3, x => x.Frameworks).Field(4, x => x.Resources));
    }
}
