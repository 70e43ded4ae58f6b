namespace MesosConsole.Mesos.Protobuf;

/// <summary>
/// Protobuf (<c>application/x-protobuf</c>, mesos-go's default codec) for the wire classes, the
/// counterpart of MesosJson. Not carried: properties typed <c>JsonElement</c> (TaskInfo.container,
/// health_check, discovery, check; Task.container…; ContainerStatus.network_infos) and
/// <c>[JsonExtensionData]</c> bags — their proto shape is not modelled, so they are skipped on
/// write and dropped on read (see <see cref="ProtoMessage.JsonOnly"/>).
/// </summary>
public static class MesosProtobuf
{
    /// <summary>The exact media type (clients compare it with ==).</summary>
    public const string ContentType = "application/x-protobuf";

    public static ProtoSchema Schema { get; } = MesosProtoSchema.Build();

    public static byte[] Serialize<T>(T message)
        where T : class => Schema.Serialize(message);

    /// <summary>Throws <see cref="ProtobufFormatException"/> when <paramref name="data"/> is not a valid encoding.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> data)
        where T : class => Schema.Deserialize<T>(data);
}
