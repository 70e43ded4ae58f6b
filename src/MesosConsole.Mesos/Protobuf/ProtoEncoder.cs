using System.Collections;
using System.Text;

namespace MesosConsole.Mesos.Protobuf;

/// <summary>
/// Writes objects as proto2 messages: every set (non-null) field, zero values included — proto2 keeps
/// presence and mesos-go rejects messages missing required fields even when their value is 0
/// (TASK_STARTING, SCALAR). Fields go out in field-number order and repeated fields unpacked, as protoc does.
/// </summary>
internal static class ProtoEncoder
{
    public static byte[] Encode(ProtoSchema schema, ProtoMessage message, object value)
    {
        var writer = new ProtoWriter();
        WriteMessage(schema, message, value, writer);
        return writer.WrittenSpan.ToArray();
    }

    private static void WriteMessage(ProtoSchema schema, ProtoMessage message, object value, ProtoWriter writer)
    {
        foreach (var field in message.Fields)
        {
            var fieldValue = field.Property.GetValue(value);
            if (fieldValue is null)
            {
                continue;
            }

            if (field.IsRepeated)
            {
                foreach (var item in (IList)fieldValue)
                {
                    if (item is not null)
                    {
                        WriteValue(schema, field, item, writer);
                    }
                }
            }
            else
            {
                WriteValue(schema, field, fieldValue, writer);
            }
        }
    }

    private static void WriteValue(ProtoSchema schema, ProtoField field, object value, ProtoWriter writer)
    {
        switch (field.Kind)
        {
            case ProtoKind.NamedEnum:
                // A name this schema does not know has no number to send; like an unknown enum in Mesos, it is dropped.
                var number = field.EnumNumberOf((string)value);
                if (number >= 0)
                {
                    writer.WriteTag(field.Number, WireType.Varint);
                    writer.WriteVarint((ulong)number);
                }

                return;
            case ProtoKind.PresenceFlag when value is false:
                return;
        }

        writer.WriteTag(field.Number, field.WireType);
        switch (field.Kind)
        {
            case ProtoKind.String:
                writer.WriteString((string)value);
                break;
            case ProtoKind.Bytes:
                writer.WriteBytes((byte[])value);
                break;
            case ProtoKind.Base64Bytes:
                writer.WriteBytes(Base64OrUtf8((string)value));
                break;
            case ProtoKind.Bool:
                writer.WriteVarint((bool)value ? 1UL : 0UL);
                break;
            case ProtoKind.Int32:
                writer.WriteInt32((int)value);
                break;
            case ProtoKind.UInt32:
                writer.WriteVarint((uint)value);
                break;
            case ProtoKind.Int64:
                writer.WriteVarint((ulong)(long)value);
                break;
            case ProtoKind.UInt64:
                writer.WriteVarint((ulong)value);
                break;
            case ProtoKind.Double:
                writer.WriteDouble((double)value);
                break;
            case ProtoKind.Enum:
                writer.WriteInt32(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case ProtoKind.PresenceFlag:
                writer.WriteVarint(0); // an empty message
                break;
            case ProtoKind.Message:
                var nested = new ProtoWriter();
                WriteMessage(schema, schema[field.ElementType], value, nested);
                writer.WriteBytes(nested.WrittenSpan);
                break;
            default:
                throw new InvalidOperationException($"Unhandled kind {field.Kind}");
        }
    }

    /// <summary>
    /// The classes keep proto <c>bytes</c> such as TaskInfo.data as their JSON Base64 text. Text that is
    /// not Base64 (JSON input is not checked) is sent as its UTF-8 bytes rather than dropped.
    /// </summary>
    private static byte[] Base64OrUtf8(string value)
    {
        var buffer = new byte[(value.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(value, buffer, out var written) ? buffer[..written] : Encoding.UTF8.GetBytes(value);
    }
}
