using System.Text.Json;
using MesosConsole.Mesos.Json;

namespace MesosConsole.Mesos.Protobuf;

/// <summary>
/// One of the two message encodings of the v1 APIs (reference §1.2), chosen per request from
/// Content-Type and per response or stream from Accept. Both encode the same wire classes.
/// </summary>
public abstract class MesosCodec
{
    public static MesosCodec Json { get; } = new JsonCodec();

    public static MesosCodec Protobuf { get; } = new ProtobufCodec(MesosProtobuf.Schema);

    /// <summary>Protobuf over a schema extended with the caller's own messages (e.g. the agent's Call).</summary>
    public static MesosCodec ProtobufWith(ProtoSchema schema) => new ProtobufCodec(schema);

    /// <summary>The exact media type, without parameters.</summary>
    public abstract string ContentType { get; }

    public bool IsProtobuf => ContentType == MesosProtobuf.ContentType;

    public abstract byte[] Serialize<T>(T message)
        where T : class;

    /// <summary>
    /// Parses a request body. On failure returns null and the 400 reason; a JSON <c>null</c> body
    /// yields null without an error (the caller decides what an absent message means).
    /// </summary>
    public abstract T? Deserialize<T>(ReadOnlySpan<byte> body, out string? error)
        where T : class;

    private sealed class JsonCodec : MesosCodec
    {
        public override string ContentType => MesosJson.ContentType;

        public override byte[] Serialize<T>(T message) => MesosJson.Serialize(message);

        public override T? Deserialize<T>(ReadOnlySpan<byte> body, out string? error)
            where T : class
        {
            try
            {
                error = null;
                return MesosJson.Deserialize<T>(body);
            }
            catch (JsonException ex)
            {
                error = "Failed to parse body into JSON: " + ex.Message;
                return null;
            }
        }
    }

    private sealed class ProtobufCodec(ProtoSchema schema) : MesosCodec
    {
        public override string ContentType => MesosProtobuf.ContentType;

        public override byte[] Serialize<T>(T message) => schema.Serialize(message);

        public override T? Deserialize<T>(ReadOnlySpan<byte> body, out string? error)
            where T : class
        {
            try
            {
                error = null;
                return schema.Deserialize<T>(body);
            }
            catch (ProtobufFormatException ex)
            {
                error = $"Failed to parse body into {typeof(T).Name} protobuf: {ex.Message}";
                return null;
            }
        }
    }
}
