using System.Buffers;
using System.Globalization;
using System.Text;

namespace MesosConsole.Mesos.RecordIO;

/// <summary>
/// RecordIO framing as Mesos streams it: the record's byte length in decimal ASCII, a line feed, then
/// exactly that many bytes, with nothing in between records.
/// </summary>
public static class RecordIOWriter
{
    public static byte[] Frame(ReadOnlySpan<byte> record)
    {
        Span<byte> header = stackalloc byte[24];
        record.Length.TryFormat(header, out var digits, provider: CultureInfo.InvariantCulture);
        header[digits++] = (byte)'\n';
        var framed = new byte[digits + record.Length];
        header[..digits].CopyTo(framed);
        record.CopyTo(framed.AsSpan(digits));
        return framed;
    }

    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> record)
    {
        var prefix = Encoding.ASCII.GetBytes(record.Length.ToString(CultureInfo.InvariantCulture) + "\n");
        output.Write(prefix);
        output.Write(record);
    }
}
