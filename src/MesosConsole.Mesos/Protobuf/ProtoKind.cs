namespace MesosConsole.Mesos.Protobuf;

/// <summary>The protobuf scalar type of a field, which fixes its wire encoding.</summary>
public enum ProtoKind
{
    String,
    Bytes,

    /// <summary>proto <c>bytes</c> held by a C# string in its JSON form (padded Base64), e.g. TaskInfo.data.</summary>
    Base64Bytes,
    Bool,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Double,

    /// <summary>A C# enum whose member numbers are the proto enum numbers.</summary>
    Enum,

    /// <summary>A proto enum held by a C# string in its JSON form (the value name), e.g. ReservationInfo.type.</summary>
    NamedEnum,
    Message,

    /// <summary>An empty proto message held by a C# bool (true = present), e.g. Resource.shared (SharedInfo).</summary>
    PresenceFlag,
}

internal static class ProtoKinds
{
    public static WireType WireTypeOf(ProtoKind kind) => kind switch
    {
        ProtoKind.Double => WireType.Fixed64,
        ProtoKind.String or ProtoKind.Bytes or ProtoKind.Base64Bytes or ProtoKind.Message or ProtoKind.PresenceFlag => WireType.LengthDelimited,
        _ => WireType.Varint,
    };

    /// <summary>The kind a CLR property type maps to when the schema does not say otherwise; null if none does.</summary>
    public static ProtoKind? Infer(Type type) => type switch
    {
        _ when type == typeof(string) => ProtoKind.String,
        _ when type == typeof(byte[]) => ProtoKind.Bytes,
        _ when type == typeof(bool) => ProtoKind.Bool,
        _ when type == typeof(int) => ProtoKind.Int32,
        _ when type == typeof(uint) => ProtoKind.UInt32,
        _ when type == typeof(long) => ProtoKind.Int64,
        _ when type == typeof(ulong) => ProtoKind.UInt64,
        _ when type == typeof(double) => ProtoKind.Double,
        { IsEnum: true } => ProtoKind.Enum,
        { IsClass: true } when type != typeof(object) => ProtoKind.Message,
        _ => null,
    };
}
