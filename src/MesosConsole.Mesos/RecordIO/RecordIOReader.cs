using System.Globalization;
using System.Runtime.CompilerServices;

namespace MesosConsole.Mesos.RecordIO;

/// <summary>Reads RecordIO records from a stream, one byte array per record.</summary>
public sealed class RecordIOReader
{
    /// <summary>mesos-go refuses records above 4 MiB; the console keeps a wider margin for real masters.</summary>
    public const int DefaultMaxRecordBytes = 64 * 1024 * 1024;

    private readonly Stream _stream;
    private readonly int _maxRecordBytes;
    private readonly byte[] _one = new byte[1];

    public RecordIOReader(Stream stream, int maxRecordBytes = DefaultMaxRecordBytes)
    {
        // The size header is read a byte at a time; without a buffer each byte would be a socket read.
        _stream = stream is BufferedStream ? stream : new BufferedStream(stream, 64 * 1024);
        _maxRecordBytes = maxRecordBytes;
    }

    /// <summary>Reads the next record, or null at a clean end of stream.</summary>
    public async ValueTask<byte[]?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var size = await ReadSizeAsync(cancellationToken).ConfigureAwait(false);
            if (size is null)
            {
                return null;
            }

            if (size == 0)
            {
                continue;
            }

            var record = new byte[size.Value];
            await _stream.ReadExactlyAsync(record, cancellationToken).ConfigureAwait(false);
            return record;
        }
    }

    public async IAsyncEnumerable<byte[]> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await ReadAsync(cancellationToken).ConfigureAwait(false) is { } record)
        {
            yield return record;
        }
    }

    private async ValueTask<int?> ReadSizeAsync(CancellationToken cancellationToken)
    {
        var digits = new char[20];
        var count = 0;
        while (true)
        {
            var read = await _stream.ReadAsync(_one, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                if (count == 0)
                {
                    return null;
                }

                throw new InvalidDataException("RecordIO stream ended inside a record header");
            }

            var c = (char)_one[0];
            if (c == '\n')
            {
                break;
            }

            if (c is '\r' or ' ')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c) || count == digits.Length)
            {
                throw new InvalidDataException($"RecordIO header has an unexpected character '{c}'");
            }

            digits[count++] = c;
        }

        var size = long.Parse(digits.AsSpan(0, count), NumberStyles.None, CultureInfo.InvariantCulture);
        if (size > _maxRecordBytes)
        {
            throw new InvalidDataException($"RecordIO record of {size} bytes exceeds the {_maxRecordBytes} byte limit");
        }

        return (int)size;
    }
}
