namespace MesosConsole.Web.Sandbox;

public enum LogLineKind
{
    /// <summary>A line of the file.</summary>
    Text,

    /// <summary>Something the console says about the file (it was truncated, only its tail is shown).</summary>
    Notice,
}

/// <summary>
/// One line of a tailed file, without its line break. <see cref="Number"/> grows by one per line of
/// one tailer (a stable key for rendering); <see cref="ReceivedAt"/> is when the console read it,
/// since Mesos's files API carries no time of its own.
/// </summary>
public sealed record LogLine(long Number, string Text, DateTimeOffset ReceivedAt, LogLineKind Kind = LogLineKind.Text);

public enum TailState
{
    /// <summary>Nothing read yet.</summary>
    Starting,

    /// <summary>Reading the file as it grows.</summary>
    Following,

    /// <summary>The agent answers but has no such file (yet): the task may not have started.</summary>
    FileMissing,

    /// <summary>The agent did not answer, or refused; the tailer keeps trying.</summary>
    Unreachable,
}

/// <summary>How a tailer is doing, with a sentence for people when it is not simply following.</summary>
public sealed record TailStatus(TailState State, string? Message = null)
{
    public static TailStatus Starting { get; } = new(TailState.Starting);

    public static TailStatus Following { get; } = new(TailState.Following);
}

/// <summary>
/// What one viewer receives at a time: <see cref="Skipped"/> lines it fell too far behind to get
/// (they came just before <see cref="Lines"/>), then the lines, and the tailer's status now.
/// </summary>
public sealed record LogBatch(IReadOnlyList<LogLine> Lines, long Skipped, TailStatus Status);
