namespace MesosConsole.Web.Components.Sandbox;

public enum LogEntryKind
{
    Line,

    /// <summary>The console speaking about the file (truncated, only its end shown).</summary>
    Notice,

    /// <summary>"N lines skipped": the view fell behind and lost lines there.</summary>
    Skipped,
}

/// <summary>One row of the log view: a line of one of its sources, or a marker the console adds.</summary>
/// <param name="Id">Unique within one view; the key its row is rendered with.</param>
/// <param name="Source">Index into the view's sources (its prefix and colour in a merged view).</param>
public sealed record LogEntry(long Id, int Source, LogEntryKind Kind, string Text, DateTimeOffset ReceivedAt);
