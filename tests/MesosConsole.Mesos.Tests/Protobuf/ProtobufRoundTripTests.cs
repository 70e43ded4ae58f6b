using MesosConsole.Mesos.Json;
using MesosConsole.Mesos.Protobuf;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Scheduler;
using Master = MesosConsole.Mesos.V1.Master;
using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.Mesos.Tests.Protobuf;

/// <summary>
/// protobuf → object → JSON gives the JSON of the original: both codecs carry the same content
/// (apart from the documented JSON-only properties, which these messages do not use).
/// </summary>
public sealed class ProtobufRoundTripTests
{
    private static readonly AgentID Agent = new("M-S0");
    private static readonly FrameworkID Framework = new("M-0000");

    [Fact]
    public void A_subscribe_call_survives()
    {
        AssertRoundTrip(new Call
        {
            Type = CallType.Subscribe,
            Subscribe = new SubscribeCall
            {
                FrameworkInfo = new FrameworkInfo
                {
                    User = "", Name = "fw", FailoverTimeout = 0, Checkpoint = false, Roles = ["a", "b/c"],
                    Capabilities = [new FrameworkCapability { Type = FrameworkCapabilityType.MultiRole }],
                    Labels = new Labels { Items = [new Label { Key = "k", Value = "v" }, new Label { Key = "only-key" }] },
                },
                SuppressedRoles = ["a"],
            },
        });
    }

    [Fact]
    public void An_offers_event_with_every_resource_shape_survives()
    {
        AssertRoundTrip(new Event
        {
            Type = EventType.Offers,
            Offers = new OffersEvent
            {
                Offers =
                [
                    new Offer
                    {
                        Id = new OfferID("M-O1"), FrameworkId = Framework, AgentId = Agent, Hostname = "h",
                        Url = new Url { Scheme = "http", Address = new Address { Hostname = "h", Ip = "127.0.0.1", Port = 5051 }, Path = "/slave(1)" },
                        AllocationInfo = new AllocationInfo { Role = "*" },
                        Resources =
                        [
                            new Resource { Name = "cpus", Type = V1.ValueType.Scalar, Scalar = new Scalar { Value = 1.5 }, Role = "*", AllocationInfo = new AllocationInfo { Role = "*" } },
                            new Resource { Name = "ports", Type = V1.ValueType.Ranges, Ranges = new Ranges { Range = [new ValueRange { Begin = 31000, End = 32000 }] } },
                            new Resource { Name = "disks", Type = V1.ValueType.Set, Set = new ValueSet { Item = ["a", "b"] }, Shared = true },
                            new Resource
                            {
                                Name = "mem", Type = V1.ValueType.Scalar, Scalar = new Scalar { Value = 0 },
                                Reservations = [new ReservationInfo { Type = "DYNAMIC", Role = "r", Principal = "p" }],
                            },
                        ],
                        Attributes = [new V1.Attribute { Name = "rack", Type = V1.ValueType.Text, Text = new Text { Value = "r1" } }],
                        ExecutorIds = [new ExecutorID("e")],
                    },
                ],
            },
        });
    }

    [Fact]
    public void A_status_update_with_bytes_and_extreme_numbers_survives()
    {
        AssertRoundTrip(new Event
        {
            Type = EventType.Update,
            Update = new UpdateEvent
            {
                Status = new TaskStatus
                {
                    TaskId = new TaskID("t"), State = TaskState.TaskStarting, Source = TaskStatusSource.SourceMaster,
                    Reason = TaskStatusReason.ReasonCommandExecutorFailed, Message = "héllo", Data = "AQID",
                    AgentId = Agent, ExecutorId = new ExecutorID("t"), Timestamp = 1_700_000_000.123456,
                    Uuid = Guid.NewGuid().ToByteArray(), Healthy = false,
                    ContainerStatus = new ContainerStatus { ContainerId = new ContainerID("c"), ExecutorPid = 4242 },
                    UnreachableTime = new TimeInfo { Nanoseconds = long.MaxValue },
                },
            },
        });
    }

    [Fact]
    public void Negative_and_maximal_integers_survive()
    {
        AssertRoundTrip(new FailureEvent { AgentId = Agent, Status = int.MinValue });
        AssertRoundTrip(new TimeInfo { Nanoseconds = -1 });
        AssertRoundTrip(new ValueRange { Begin = 0, End = ulong.MaxValue });
        AssertRoundTrip(new MasterInfo { Id = "m", Ip = uint.MaxValue, Port = 5050, Pid = "master@127.0.0.1:5050" });
    }

    [Fact]
    public void An_operator_state_answer_survives()
    {
        var task = new MesosTask
        {
            Name = "t", TaskId = new TaskID("t"), FrameworkId = Framework, AgentId = Agent, State = TaskState.TaskFinished,
            Statuses = [new TaskStatus { TaskId = new TaskID("t"), State = TaskState.TaskRunning, Timestamp = 1 }],
            StatusUpdateState = TaskState.TaskFinished, StatusUpdateUuid = [1, 2], User = "root",
        };
        AssertRoundTrip(new Master.Response
        {
            Type = Master.ResponseType.GetState,
            GetState = new Master.GetState
            {
                GetTasks = new Master.GetTasks { CompletedTasks = [task] },
                GetExecutors = new Master.GetExecutors(),
                GetFrameworks = new Master.GetFrameworks
                {
                    Frameworks = [new Master.FrameworkEntry
                    {
                        FrameworkInfo = new FrameworkInfo { User = "u", Name = "n", Id = Framework },
                        Active = true, Connected = false, Recovered = false, RegisteredTime = new TimeInfo { Nanoseconds = 5 },
                    }],
                },
                GetAgents = new Master.GetAgents
                {
                    Agents = [new Master.AgentEntry
                    {
                        AgentInfo = new AgentInfo { Hostname = "h", Port = 5051, Id = Agent },
                        Active = true, Deactivated = false, Version = "1.11.0", Pid = "slave(1)@127.0.0.1:5051",
                        Capabilities = [new AgentCapability { Type = AgentCapabilityType.MultiRole }],
                    }],
                },
            },
        });
    }

    [Fact]
    public void Operator_events_survive()
    {
        AssertRoundTrip(new Master.Event
        {
            Type = Master.EventType.TaskUpdated,
            TaskUpdated = new Master.TaskUpdatedEvent
            {
                FrameworkId = Framework, State = TaskState.TaskStarting,
                Status = new TaskStatus { TaskId = new TaskID("t"), State = TaskState.TaskStarting },
            },
        });
        AssertRoundTrip(new Master.Event { Type = Master.EventType.Subscribed, Subscribed = new Master.SubscribedEvent { HeartbeatIntervalSeconds = 15 } });
    }

    [Fact]
    public void An_empty_list_reads_back_as_absent_like_a_json_null()
    {
        var decoded = MesosProtobuf.Deserialize<ReviveCall>(MesosProtobuf.Serialize(new ReviveCall { Roles = [] }));

        Assert.Null(decoded.Roles);
    }

    private static void AssertRoundTrip<T>(T message)
        where T : class
    {
        var decoded = MesosProtobuf.Deserialize<T>(MesosProtobuf.Serialize(message));

        Assert.Equal(MesosJson.SerializeToString(message), MesosJson.SerializeToString(decoded));
    }
}
