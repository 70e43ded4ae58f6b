using System.Collections;
using System.Text;

namespace MesosConsole.Mesos.Protobuf;

/// <summary>
/// Reads proto2 messages into objects. Unknown fields are skipped and unknown enum numbers leave the
/// field unset (as Mesos does for optional fields); required fields are not enforced here — the
/// endpoints validate what they need, exactly as for JSON input. A singular field that occurs twice
/// keeps its last value (protobuf would merge two occurrences of a message; no client sends that).
/// </summary>
internal static class ProtoDecoder
{
    /// <summary>Same bound as MesosJson.MaxDepth: a hostile body must not exhaust the stack.</summary>
    public const int MaxDepth = 64;

    public static object Decode(ProtoSchema schema, ProtoMessage message, ReadOnlySpan<byte> data, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ProtobufFormatException($"Messages nested deeper than {MaxDepth}");
        }

        var values = new object?[message.Fields.Count];
        var reader = new ProtoReader(data);
        while (!reader.AtEnd)
        {
            var (number, wireType) = reader.ReadTag();
            if (!message.TryGetSlot(number, out var slot))
            {
                reader.Skip(wireType);
                continue;
            }

            var field = message.Fields[slot];
            if (wireType != field.WireType)
            {
                throw new ProtobufFormatException(
                    $"{message.Type.Name}.{field.Name} (field {number}) has wire type {(int)wireType}, expected {(int)field.WireType}");
            }

            var value = ReadValue(schema, field, ref reader, depth);
            if (value is null)
            {
                continue;
            }

            if (field.IsRepeated)
            {
                ((IList)(values[slot] ??= field.NewList())).Add(value);
            }
            else
            {
                values[slot] = value;
            }
        }

        return message.Create(values);
    }

    /// <summary>One value of <paramref name="field"/>, or null when it is to be ignored (an unknown enum number).</summary>
    private static object? ReadValue(ProtoSchema schema, ProtoField field, ref ProtoReader reader, int depth)
    {
        switch (field.Kind)
        {
            case ProtoKind.Double:
                return BitConverter.Int64BitsToDouble((long)reader.ReadFixed64());
            case ProtoKind.String:
                return Encoding.UTF8.GetString(reader.ReadLengthDelimited());
            case ProtoKind.Bytes:
                return reader.ReadLengthDelimited().ToArray();
            case ProtoKind.Base64Bytes:
                return Convert.ToBase64String(reader.ReadLengthDelimited());
            case ProtoKind.PresenceFlag:
                reader.ReadLengthDelimited();
                return true;
            case ProtoKind.Message:
                return Decode(schema, schema[field.ElementType], reader.ReadLengthDelimited(), depth + 1);
        }

        var varint = reader.ReadVarint();
        switch (field.Kind)
        {
            case ProtoKind.Bool:
                return varint != 0;
            case ProtoKind.Int32:
                return unchecked((int)varint);
            case ProtoKind.UInt32:
                return unchecked((uint)varint);
            case ProtoKind.Int64:
                return unchecked((long)varint);
            case ProtoKind.UInt64:
                return varint;
            case ProtoKind.Enum:
                var number = unchecked((int)varint);
                var value = Enum.ToObject(field.ElementType, number);
                return Enum.IsDefined(field.ElementType, value) ? value : null;
            case ProtoKind.NamedEnum:
                return varint < (ulong)field.EnumNames!.Count ? field.EnumNames[(int)varint] : null;
            default:
                throw new InvalidOperationException($"Unhandled kind {field.Kind}");
        }
    }
}
