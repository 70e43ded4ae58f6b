using MesosConsole.Mesos.Protobuf;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Scheduler;

namespace MesosConsole.Mesos.Tests.Protobuf;

/// <summary>Decoding, including bodies written by mesos-go 0.0.6 itself.</summary>
public sealed class ProtobufDecodingTests
{
    // Produced by mesos-go 0.0.6's generated Marshal() (Debian golang-github-mesos-mesos-go-dev):
    // calls.Subscribe(&FrameworkInfo{User: "root", Name: "mesos-go-interop", FailoverTimeout: 0,
    // Capabilities: [PARTITION_AWARE]}).
    private const string MesosGoSubscribe = "10011a270a250a04726f6f7412106d65736f732d676f2d696e7465726f7021000000000000000052020805";

    // calls.Accept(OpLaunch(TaskInfo{task-0 on agent M-S0, cpus 0.1, shell "echo hi"}) on offer M-O1), framework M-0000.
    private const string MesosGoAccept =
        "0a080a064d2d303030301003224c0a060a044d2d4f3112420801123e0a3c0a067461736b2d3012080a067461736b2d301a060a044d2d5330" +
        "22130a046370757310001a09099a9999999999b93f3a0b1a076563686f2068693001";

    // calls.Acknowledge("M-S0", "task-0", uuid 01..10), framework M-0000.
    private const string MesosGoAcknowledge = "0a080a064d2d30303030100842240a060a044d2d533012080a067461736b2d301a100102030405060708090a0b0c0d0e0f10";

    [Fact]
    public void Reads_a_mesos_go_subscribe()
    {
        var call = Decode<Call>(MesosGoSubscribe);

        Assert.Equal(CallType.Subscribe, call.Type);
        var info = call.Subscribe!.FrameworkInfo!;
        Assert.Equal("root", info.User);
        Assert.Equal("mesos-go-interop", info.Name);
        Assert.Equal(0.0, info.FailoverTimeout);
        Assert.Equal(FrameworkCapabilityType.PartitionAware, Assert.Single(info.Capabilities!).Type);
        Assert.Null(call.FrameworkId);
    }

    [Fact]
    public void Reads_a_mesos_go_accept_with_a_launch()
    {
        var call = Decode<Call>(MesosGoAccept);

        Assert.Equal(CallType.Accept, call.Type);
        Assert.Equal("M-0000", call.FrameworkId!.Value);
        Assert.Equal("M-O1", Assert.Single(call.Accept!.OfferIds!).Value);
        var operation = Assert.Single(call.Accept.Operations!);
        Assert.Equal(OperationType.Launch, operation.Type);
        var task = Assert.Single(operation.Launch!.TaskInfos!);
        Assert.Equal("task-0", task.Name);
        Assert.Equal("task-0", task.TaskId!.Value);
        Assert.Equal("M-S0", task.AgentId!.Value);
        var cpus = Assert.Single(task.Resources!);
        Assert.Equal(("cpus", V1.ValueType.Scalar, 0.1), (cpus.Name, cpus.Type, cpus.Scalar!.Value));
        Assert.Equal(("echo hi", true), (task.Command!.Value, task.Command.Shell));
    }

    [Fact]
    public void Reads_a_mesos_go_acknowledge_with_its_raw_uuid()
    {
        var call = Decode<Call>(MesosGoAcknowledge);

        Assert.Equal(CallType.Acknowledge, call.Type);
        Assert.Equal("M-S0", call.Acknowledge!.AgentId!.Value);
        Assert.Equal("task-0", call.Acknowledge.TaskId!.Value);
        Assert.Equal(Enumerable.Range(1, 16).Select(i => (byte)i), call.Acknowledge.Uuid!);
    }

    [Fact]
    public void A_call_without_a_type_decodes_with_no_type_so_validation_can_reject_it()
    {
        Assert.Null(Decode<Call>("").Type);
        // mesos-go writes type 0 (UNKNOWN) for an empty Call.
        Assert.Equal(CallType.Unknown, Decode<Call>("1000").Type);
    }

    [Fact]
    public void Unknown_fields_of_every_wire_type_are_skipped()
    {
        // field 99 varint, field 98 fixed64, field 97 bytes, field 96 fixed32, then value "x"
        var hex = "b806" + "05" + "9106" + "0102030405060708" + "8a06" + "02" + "abcd" + "8506" + "01020304" + "0a0178";

        Assert.Equal("x", Decode<TaskID>(hex).Value);
    }

    [Fact]
    public void An_unknown_enum_number_leaves_the_field_unset()
    {
        // state (2) = 99, which TaskState does not have
        var status = Decode<V1.TaskStatus>("1063");

        Assert.Null(status.State);
    }

    [Fact]
    public void An_unknown_number_of_an_enum_kept_as_a_name_leaves_it_unset()
    {
        Assert.Null(Decode<ReservationInfo>("2009").Type);
        Assert.Equal("STATIC", Decode<ReservationInfo>("2001").Type);
    }

    [Theory]
    [InlineData("0a05616263", "runs past the end")] // length 5, only 3 bytes
    [InlineData("10", "Truncated varint")] // unknown field 2, its varint missing
    [InlineData("1080808080808080808080", "longer than 10 bytes")]
    [InlineData("0805", "wire type 0, expected 2")] // value (string) sent as a varint
    [InlineData("0000", "Invalid field number 0")]
    [InlineData("13", "Unsupported wire type 3")] // unknown field 2 as a group
    public void Malformed_input_is_a_format_error_naming_the_problem(string hex, string expected)
    {
        var ex = Assert.Throws<ProtobufFormatException>(() => Decode<TaskID>(hex));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_instead_of_exhausting_the_stack()
    {
        // No Mesos message modelled here recurses, so the limit is driven through a one-field schema.
        var schema = new ProtoSchemaBuilder().Message<Node>(m => m.Field(1, x => x.Child)).Build();
        var bytes = Array.Empty<byte>();
        for (var level = 0; level < 100; level++)
        {
            // child (1): 0A <varint length> <inner message>
            bytes = [0x0A, .. Varint((ulong)bytes.Length), .. bytes];
        }

        var ex = Assert.Throws<ProtobufFormatException>(() => schema.Deserialize<Node>(bytes));
        Assert.Contains("nested deeper than 64", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_within_the_limit_decodes()
    {
        var schema = new ProtoSchemaBuilder().Message<Node>(m => m.Field(1, x => x.Child)).Build();

        var node = schema.Deserialize<Node>(Convert.FromHexString("0a020a00"));

        Assert.NotNull(node.Child?.Child);
        Assert.Null(node.Child.Child.Child);
    }

    public sealed class Node
    {
        public Node? Child { get; set; }
    }

    private static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>();
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
        return [.. bytes];
    }

    private static T Decode<T>(string hex)
        where T : class => MesosProtobuf.Deserialize<T>(Convert.FromHexString(hex));
}
