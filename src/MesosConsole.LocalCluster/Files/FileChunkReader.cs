namespace MesosConsole.LocalCluster.Files;

/// <summary>A piece of a file and the whole file's size when it was read.</summary>
internal readonly record struct FileChunk(long Size, ReadOnlyMemory<byte> Data);

/// <summary>Reads a bounded piece of a (possibly still growing) file, for /files/read and READ_FILE.</summary>
internal static class FileChunkReader
{
    /// <summary>Mesos caps one read at 16 pages of 4 KiB; callers loop with a new offset.</summary>
    public const int MaxLength = 16 * 4096;

    /// <param name="length">Bytes wanted; null for "as much as allowed".</param>
    /// <param name="wholeCharacters">Drop a trailing, incomplete UTF-8 character (the text API).</param>
    public static async Task<FileChunk> ReadAsync(string realPath, long offset, long? length, bool wholeCharacters,
        CancellationToken cancellationToken)
    {
        // The task may still be writing the file, and its sandbox may be removed: share everything.
        using var handle = File.OpenHandle(realPath, FileMode.Open, FileAccess.Read,
            FileShare.ReadWrite | FileShare.Delete);
        var size = RandomAccess.GetLength(handle);
        var wanted = Math.Min(Math.Min(length ?? MaxLength, MaxLength), Math.Max(0, size - offset));
        if (wanted <= 0)
        {
            return new FileChunk(size, ReadOnlyMemory<byte>.Empty);
        }

        var buffer = new byte[wanted];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await RandomAccess.ReadAsync(handle, buffer.AsMemory(filled), offset + filled, cancellationToken);
            if (read == 0)
            {
                break; // truncated since we measured it
            }

            filled += read;
        }

        var usable = wholeCharacters ? Utf8Boundary.CompleteLength(buffer.AsSpan(0, filled)) : filled;
        return new FileChunk(size, buffer.AsMemory(0, usable));
    }
}
