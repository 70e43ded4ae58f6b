using System.Text;

namespace MesosConsole.Web.Sandbox;

/// <summary>
/// Turns the text of consecutive reads into whole lines. A read can end in the middle of a line (or
/// between a CR and its LF): that tail is kept until its newline arrives. Lines end at LF; a CR just
/// before it is dropped, any other CR is kept as text.
/// </summary>
public sealed class LogLineSplitter(int maxLineLength = 64 * 1024)
{
    private readonly StringBuilder _pending = new();

    /// <summary>Characters of an unfinished line waiting for its newline.</summary>
    public int PendingLength => _pending.Length;

    /// <summary>Appends the complete lines in <paramref name="text"/> (with what was pending) to <paramref name="lines"/>.</summary>
    public void Split(ReadOnlySpan<char> text, List<string> lines)
    {
        while (!text.IsEmpty)
        {
            var newline = text.IndexOf('\n');
            if (newline < 0)
            {
                Keep(text, lines);
                return;
            }

            var line = text[..newline];
            if (_pending.Length == 0)
            {
                lines.Add(new string(WithoutCarriageReturn(line)));
            }
            else
            {
                _pending.Append(line);
                var whole = _pending.ToString();
                _pending.Clear();
                lines.Add(whole.EndsWith('\r') ? whole[..^1] : whole);
            }

            text = text[(newline + 1)..];
        }
    }

    /// <summary>Forgets the unfinished line (the file was truncated: its end will never come).</summary>
    public void Reset() => _pending.Clear();

    private void Keep(ReadOnlySpan<char> rest, List<string> lines)
    {
        _pending.Append(rest);
        // A "line" that never ends (binary output, a progress bar without newlines) is cut into pieces.
        while (_pending.Length >= maxLineLength)
        {
            lines.Add(_pending.ToString(0, maxLineLength));
            _pending.Remove(0, maxLineLength);
        }
    }

    private static ReadOnlySpan<char> WithoutCarriageReturn(ReadOnlySpan<char> line) =>
        line.EndsWith('\r') ? line[..^1] : line;
}
