using MesosConsole.Web.Sandbox;

namespace MesosConsole.Web.Components.Sandbox;

/// <summary>
/// What the log view renders, kept apart from the component so it can be tested and measured: the
/// rows (at most <see cref="MaxLines"/>, oldest dropped first and counted), pause (new rows are held,
/// then all appended on resume), and the search term with the number of rows matching it. Not thread
/// safe: the component touches it only on its renderer's thread.
/// </summary>
public sealed class LogViewModel(int maxLines = LogViewModel.DefaultMaxLines)
{
    public const int DefaultMaxLines = 100_000;

    private readonly List<LogEntry> _entries = [];
    private readonly List<LogEntry> _held = [];
    private long _heldDropped;
    private long _nextId;

    public int MaxLines => maxLines;

    /// <summary>The rows shown, oldest first.</summary>
    public IReadOnlyList<LogEntry> Entries => _entries;

    /// <summary>The same rows for <c>Virtualize</c>, which wants a collection (a list, so it can index).</summary>
    internal ICollection<LogEntry> Rows => _entries;

    /// <summary>Rows dropped from the top to stay within <see cref="MaxLines"/>.</summary>
    public long Trimmed { get; private set; }

    public bool Paused { get; private set; }

    /// <summary>Rows that arrived while paused (they show on resume).</summary>
    public long HeldCount => _held.Count + _heldDropped;

    /// <summary>Case-insensitive; null or empty for none.</summary>
    public string? Search { get; private set; }

    /// <summary>Rows shown that contain <see cref="Search"/>.</summary>
    public int MatchCount { get; private set; }

    /// <summary>Counts every row appended (the benchmark reads it).</summary>
    public long Appended => _nextId;

    public void Append(int source, LogBatch batch)
    {
        var target = Paused ? _held : _entries;
        var start = target.Count;
        if (batch.Skipped > 0)
        {
            target.Add(Skipped(source, batch.Skipped, batch.Lines.Count > 0 ? batch.Lines[0].ReceivedAt : default));
        }

        foreach (var line in batch.Lines)
        {
            target.Add(new LogEntry(_nextId++, source,
                line.Kind == LogLineKind.Notice ? LogEntryKind.Notice : LogEntryKind.Line, line.Text, line.ReceivedAt));
        }

        if (Paused)
        {
            TrimHeld();
        }
        else
        {
            Shown(start);
        }
    }

    public void Pause() => Paused = true;

    /// <summary>Shows everything held while paused, in order, and follows the file again.</summary>
    public void Resume()
    {
        if (!Paused)
        {
            return;
        }

        Paused = false;
        var start = _entries.Count;
        if (_heldDropped > 0)
        {
            _entries.Add(Skipped(-1, _heldDropped, _held.Count > 0 ? _held[0].ReceivedAt : default));
        }

        _entries.AddRange(_held);
        _held.Clear();
        _heldDropped = 0;
        Shown(start);
    }

    public void SetSearch(string? term)
    {
        Search = string.IsNullOrEmpty(term) ? null : term;
        MatchCount = Search is null ? 0 : _entries.Count(Matches);
    }

    public bool Matches(LogEntry entry) => Search is { } term && entry.Text.Contains(term, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <paramref name="text"/> cut into runs that do and do not match <paramref name="term"/>
    /// (case-insensitive), so the view can mark the matches while rendering everything as text.
    /// </summary>
    public static IEnumerable<(string Text, bool Match)> Segments(string text, string? term)
    {
        if (string.IsNullOrEmpty(term))
        {
            yield return (text, false);
            yield break;
        }

        var at = 0;
        while (at < text.Length)
        {
            var found = text.IndexOf(term, at, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                break;
            }

            if (found > at)
            {
                yield return (text[at..found], false);
            }

            yield return (text.Substring(found, term.Length), true);
            at = found + term.Length;
        }

        if (at < text.Length)
        {
            yield return (text[at..], false);
        }
    }

    private LogEntry Skipped(int source, long count, DateTimeOffset at) =>
        new(_nextId++, source, LogEntryKind.Skipped,
            $"… {count:N0} line{(count == 1 ? "" : "s")} skipped: this view fell behind the file (download it for everything) …", at);

    private void Shown(int start)
    {
        if (Search is not null)
        {
            for (var i = start; i < _entries.Count; i++)
            {
                MatchCount += Matches(_entries[i]) ? 1 : 0;
            }
        }

        // Trim in steps of a tenth, not row by row: removing from the front of a list moves the rest.
        if (_entries.Count > maxLines + (maxLines / 10))
        {
            var excess = _entries.Count - maxLines;
            if (Search is not null)
            {
                for (var i = 0; i < excess; i++)
                {
                    MatchCount -= Matches(_entries[i]) ? 1 : 0;
                }
            }

            _entries.RemoveRange(0, excess);
            Trimmed += excess;
        }
    }

    private void TrimHeld()
    {
        if (_held.Count > maxLines + (maxLines / 10))
        {
            var excess = _held.Count - maxLines;
            _held.RemoveRange(0, excess);
            _heldDropped += excess;
        }
    }
}
