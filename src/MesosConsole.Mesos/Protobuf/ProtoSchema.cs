using System.Collections.Frozen;

namespace MesosConsole.Mesos.Protobuf;

/// <summary>
/// A frozen set of message definitions and the codec over them: any object whose type is defined
/// here can be written as, or read from, protobuf bytes.
/// </summary>
public sealed class ProtoSchema
{
    private readonly FrozenDictionary<Type, ProtoMessage> _messages;

    internal ProtoSchema(IReadOnlyDictionary<Type, ProtoMessage> messages) => _messages = messages.ToFrozenDictionary();

    public IEnumerable<ProtoMessage> Messages => _messages.Values;

    public ProtoMessage this[Type type] => _messages.TryGetValue(type, out var message)
        ? message
        : throw new ArgumentException($"{type.FullName} has no proto definition", nameof(type));

    public bool Contains(Type type) => _messages.ContainsKey(type);

    /// <summary>A new schema with this one's messages plus more (e.g. a caller's own Call type).</summary>
    public ProtoSchema Extend(Action<ProtoSchemaBuilder> define)
    {
        var builder = new ProtoSchemaBuilder(_messages.Values);
        define(builder);
        return builder.Build();
    }

    public byte[] Serialize<T>(T message)
        where T : class => ProtoEncoder.Encode(this, this[message.GetType()], message);

    /// <summary>Decodes <paramref name="data"/>; throws <see cref="ProtobufFormatException"/> when it is not a valid encoding.</summary>
    public T Deserialize<T>(ReadOnlySpan<byte> data)
        where T : class => (T)ProtoDecoder.Decode(this, this[typeof(T)], data, depth: 0);
}
