using System.Buffers.Binary;

namespace MesosConsole.Mesos.Protobuf;

/// <summary>Reads protobuf wire primitives from a span; every read checks bounds and throws <see cref="ProtobufFormatException"/>.</summary>
internal ref struct ProtoReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ProtoReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly bool AtEnd => _position >= _data.Length;

    /// <summary>Reads the next tag; field number 0 is invalid in protobuf and rejected.</summary>
    public (int FieldNumber, WireType WireType) ReadTag()
    {
        var tag = ReadVarint();
        var fieldNumber = tag >> 3;
        if (fieldNumber is 0 or > int.MaxValue)
        {
            throw new ProtobufFormatException($"Invalid field number {fieldNumber} at byte {_position}");
        }

        return ((int)fieldNumber, (WireType)(tag & 7));
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _data.Length)
            {
                throw new ProtobufFormatException("Truncated varint");
            }

            var b = _data[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new ProtobufFormatException("Varint longer than 10 bytes");
    }

    public ulong ReadFixed64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public uint ReadFixed32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public ReadOnlySpan<byte> ReadLengthDelimited()
    {
        var length = ReadVarint();
        if (length > (ulong)(_data.Length - _position))
        {
            throw new ProtobufFormatException($"Length {length} at byte {_position} runs past the end of the message");
        }

        return Take((int)length);
    }

    /// <summary>Skips a field this schema does not know, as protobuf parsers must.</summary>
    public void Skip(WireType wireType)
    {
        switch (wireType)
        {
            case WireType.Varint:
                ReadVarint();
                break;
            case WireType.Fixed64:
                Take(8);
                break;
            case WireType.LengthDelimited:
                ReadLengthDelimited();
                break;
            case WireType.Fixed32:
                Take(4);
                break;
            default:
                // Groups are a proto1 relic that no Mesos message uses.
                throw new ProtobufFormatException($"Unsupported wire type {(int)wireType}");
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _data.Length - _position)
        {
            throw new ProtobufFormatException($"Truncated message: {count} bytes expected at byte {_position}");
        }

        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }
}
