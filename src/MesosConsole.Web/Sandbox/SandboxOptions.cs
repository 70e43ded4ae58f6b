namespace MesosConsole.Web.Sandbox;

/// <summary>How sandbox log tailing behaves. Defaults suit a console watched by people; tests shrink them.</summary>
public sealed class SandboxOptions
{
    /// <summary>Between two polls of <c>/files/read</c>: a line written shows in the browser well within a second.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Between two attempts while the agent cannot be reached, so a dead agent is not hammered.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How much of an existing file a tailer starts with (the rest is a download away).</summary>
    public int InitialTailBytes { get; set; } = 64 * 1024;

    /// <summary>Bytes asked for per read; Mesos answers at most 64 KiB anyway.</summary>
    public int ReadLength { get; set; } = 64 * 1024;

    /// <summary>Reads per poll at most, so a file written faster than we read cannot pin the tailer.</summary>
    public int MaxReadsPerPoll { get; set; } = 64;

    /// <summary>Lines a tailer keeps to hand a new viewer at once (its "current tail").</summary>
    public int RecentLines { get; set; } = 1000;

    /// <summary>Lines waiting for one viewer; a viewer further behind loses the oldest and is told how many.</summary>
    public int ViewerBufferLines { get; set; } = 10_000;

    /// <summary>A line longer than this (no newline in sight) is cut, so one endless line cannot eat memory.</summary>
    public int MaxLineLength { get; set; } = 64 * 1024;
}
