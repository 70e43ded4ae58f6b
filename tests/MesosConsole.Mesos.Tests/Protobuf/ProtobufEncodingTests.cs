using MesosConsole.Mesos.Protobuf;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Scheduler;
using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.Mesos.Tests.Protobuf;

/// <summary>Encodings checked against bytes worked out by hand from the protobuf wire format.</summary>
public sealed class ProtobufEncodingTests
{
    [Fact]
    public void An_id_is_one_length_delimited_string()
    {
        // field 1, wire type 2 -> tag 0x0A; length 3; "abc"
        Assert.Equal("0a03616263", Hex(new FrameworkID("abc")));
    }

    [Fact]
    public void A_heartbeat_is_just_its_type()
    {
        // field 1 varint (0x08) = HEARTBEAT (8)
        Assert.Equal("0808", Hex(new Event { Type = EventType.Heartbeat }));
    }

    [Fact]
    public void Zero_enums_are_written_because_proto2_keeps_presence()
    {
        var status = new TaskStatus { TaskId = new TaskID("t"), State = TaskState.TaskStarting, Source = TaskStatusSource.SourceMaster };

        // task_id: 0A 03 {0A 01 't'}; state (2): 10 00; source (9, tag 9<<3 = 0x48): 48 00
        Assert.Equal("0a030a0174" + "1000" + "4800", Hex(status));
    }

    [Fact]
    public void A_scalar_resource_has_a_fixed64_double_and_shared_is_an_empty_message()
    {
        var cpus = new Resource { Name = "cpus", Type = V1.ValueType.Scalar, Scalar = new Scalar { Value = 0.5 }, Shared = true };

        // name: 0A 04 "cpus"; type: 10 00; scalar (3): 1A 09 {09 + 0.5 as little-endian IEEE 754}; shared (10): 52 00
        Assert.Equal("0a0463707573" + "1000" + "1a09" + "09000000000000e03f" + "5200", Hex(cpus));
    }

    [Fact]
    public void Shared_false_is_not_written()
    {
        Assert.Equal("0a0463707573", Hex(new Resource { Name = "cpus", Shared = false }));
    }

    [Fact]
    public void Uint64_range_bounds_are_varints()
    {
        // 31000 = 0b1_1110010_0011000 -> 98 F2 01; 32000 = 0b1_1111010_0000000 -> 80 FA 01
        Assert.Equal("0898f201" + "1080fa01", Hex(new ValueRange { Begin = 31000, End = 32000 }));
    }

    [Fact]
    public void A_negative_int32_is_a_ten_byte_sign_extended_varint()
    {
        Assert.Equal("18ffffffffffffffffff01", Hex(new FailureEvent { Status = -1 }));
    }

    [Fact]
    public void Repeated_strings_are_one_field_per_item()
    {
        Assert.Equal("0a01610a0162", Hex(new ValueSet { Item = ["a", "b"] }));
    }

    [Fact]
    public void Enum_names_kept_as_strings_are_written_as_their_numbers()
    {
        // role (3): 1A 01 'r'; type (4) = DYNAMIC (2): 20 02
        Assert.Equal("1a0172" + "2002", Hex(new ReservationInfo { Type = "DYNAMIC", Role = "r" }));
    }

    [Fact]
    public void An_enum_name_without_a_number_is_left_out()
    {
        Assert.Equal("1a0172", Hex(new ReservationInfo { Type = "NO_SUCH_TYPE", Role = "r" }));
    }

    [Fact]
    public void Base64_text_of_a_bytes_field_goes_out_as_the_raw_bytes()
    {
        // data (6, tag 0x32): 2 bytes 01 02
        Assert.Equal("32020102", Hex(new TaskInfo { Data = "AQI=" }));
    }

    [Fact]
    public void Raw_json_payloads_are_not_written()
    {
        var task = new TaskInfo { Name = "n", Container = System.Text.Json.JsonDocument.Parse("""{"type":"MESOS"}""").RootElement };

        Assert.Equal("0a016e", Hex(task));
    }

    [Fact]
    public void Strings_are_utf8_with_their_byte_length()
    {
        // "é" is two bytes in UTF-8 (C3 A9)
        Assert.Equal("0a02c3a9", Hex(new TaskID("é")));
    }

    private static string Hex<T>(T message)
        where T : class => Convert.ToHexStringLower(MesosProtobuf.Serialize(message));
}
