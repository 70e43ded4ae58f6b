namespace MesosConsole.Mesos.Protobuf;

/// <summary>A protobuf body that cannot be decoded: truncated, malformed, or a field with the wrong wire type.</summary>
public sealed class ProtobufFormatException : FormatException
{
    public ProtobufFormatException(string message)
        : base(message)
    {
    }
}
