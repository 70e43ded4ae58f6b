using System.Reflection;
using MesosConsole.Mesos.Protobuf;
using MesosConsole.Mesos.V1;

namespace MesosConsole.Mesos.Tests.Protobuf;

/// <summary>The schema table covers the wire classes completely, so JSON and protobuf describe one model.</summary>
public sealed class MesosProtoSchemaTests
{
    [Fact]
    public void Every_wire_class_has_a_proto_definition()
    {
        var wireClasses = typeof(FrameworkID).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("MesosConsole.Mesos.V1", StringComparison.Ordinal) == true)
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t.GetProperties().Length > 0);

        var missing = wireClasses.Where(t => !MesosProtobuf.Schema.Contains(t)).Select(t => t.FullName).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Only_raw_json_payloads_are_json_only()
    {
        var jsonOnly = MesosProtobuf.Schema.Messages.SelectMany(m => m.JsonOnly);

        Assert.All(jsonOnly, p => Assert.True(
            p.PropertyType == typeof(System.Text.Json.JsonElement?) || p.GetCustomAttribute<System.Text.Json.Serialization.JsonExtensionDataAttribute>() is not null,
            $"{p.DeclaringType!.Name}.{p.Name} is JSON-only but is neither a JsonElement nor extension data"));
    }

    [Fact]
    public void Field_names_are_the_json_keys()
    {
        var labels = MesosProtobuf.Schema[typeof(Labels)];
        var status = MesosProtobuf.Schema[typeof(V1.TaskStatus)];

        Assert.Equal("labels", Assert.Single(labels.Fields).Name);
        Assert.Equal(["task_id", "state", "data", "message", "agent_id", "timestamp"], status.Fields.Take(6).Select(f => f.Name));
    }

    [Fact]
    public void A_property_without_a_field_number_is_a_build_error()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            new ProtoSchemaBuilder().Message<Address>(m => m.Field(1, x => x.Hostname)).Build());

        Assert.Contains("Ip, Port", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reused_field_number_is_a_build_error()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            new ProtoSchemaBuilder().Message<Label>(m => m.Field(1, x => x.Key).Field(1, x => x.Value)).Build());

        Assert.Contains("field number 1 twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_field_of_an_undefined_type_is_a_build_error()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            new ProtoSchemaBuilder().Message<KillPolicy>(m => m.Field(1, x => x.GracePeriod)).Build());

        Assert.Contains("DurationInfo", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extending_adds_messages_without_changing_the_original()
    {
        var extended = MesosProtobuf.Schema.Extend(s => s.Message<Extra>(m => m.Field(1, x => x.Agent)));

        Assert.True(extended.Contains(typeof(Extra)));
        Assert.False(MesosProtobuf.Schema.Contains(typeof(Extra)));
        Assert.Equal("0a060a044d2d5330", Convert.ToHexStringLower(extended.Serialize(new Extra { Agent = new AgentID("M-S0") })));
    }

    public sealed class Extra
    {
        public AgentID? Agent { get; set; }
    }
}
