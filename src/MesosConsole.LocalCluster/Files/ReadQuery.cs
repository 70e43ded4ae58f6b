using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace MesosConsole.LocalCluster.Files;

/// <summary>The offset and length of a /files/read request, validated as Mesos does.</summary>
/// <param name="Offset">Byte offset; -1 asks for the file size only (the tailer's probe). Absent means 0.</param>
/// <param name="Length">Bytes wanted; null (absent or -1) means "as much as one read allows".</param>
internal sealed record ReadQuery(long Offset, long? Length)
{
    public static bool TryParse(IQueryCollection query, [NotNullWhen(true)] out ReadQuery? parsed,
        [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        var offset = 0L;
        if (query.TryGetValue("offset", out var offsetText) && !TryNumber(offsetText.ToString(), out offset))
        {
            error = $"Failed to parse offset: '{offsetText}' is not a number.\n";
            return false;
        }

        var length = -1L;
        if (query.TryGetValue("length", out var lengthText) && !TryNumber(lengthText.ToString(), out length))
        {
            error = $"Failed to parse length: '{lengthText}' is not a number.\n";
            return false;
        }

        if (offset < -1)
        {
            error = $"Negative offset provided: {offset}.\n";
            return false;
        }

        if (length < -1)
        {
            error = $"Negative length provided: {length}.\n";
            return false;
        }

        parsed = new ReadQuery(offset, length == -1 ? null : length);
        error = null;
        return true;
    }

    private static bool TryNumber(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
