namespace MesosConsole.LocalCluster.Files;

/// <summary>Keeps text chunks whole: a read must not end in the middle of a multi-byte UTF-8 character.</summary>
internal static class Utf8Boundary
{
    /// <summary>
    /// The length of <paramref name="bytes"/> without a trailing, incomplete UTF-8 sequence (the rest of that
    /// character is read next time). Bytes that can never become valid UTF-8 are left alone.
    /// </summary>
    public static int CompleteLength(ReadOnlySpan<byte> bytes)
    {
        // A UTF-8 character is at most 4 bytes, so only the last 3 bytes can belong to an unfinished one.
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0b1100_0000) == 0b1000_0000)
            {
                continue; // continuation byte: keep looking for its lead byte
            }

            var needed = SequenceLength(b);
            return needed > back ? bytes.Length - back : bytes.Length;
        }

        return bytes.Length;
    }

    private static int SequenceLength(byte lead) => lead switch
    {
        >= 0b1111_0000 and <= 0b1111_0100 => 4,
        >= 0b1110_0000 and < 0b1111_0000 => 3,
        >= 0b1100_0010 and < 0b1110_0000 => 2,
        _ => 1, // ASCII, or a byte that is never a valid lead: nothing to wait for
    };
}
