using MesosConsole.Web.Sandbox;

namespace MesosConsole.Web.Hubs;

/// <summary>
/// One batch of a sandbox file's lines as <see cref="ClusterHub.StreamSandboxFile"/> sends it:
/// <see cref="Skipped"/> lines this client fell too far behind to get (they came just before
/// <see cref="Lines"/>), the lines, and the tailer's state (<c>Following</c>, <c>FileMissing</c>,
/// <c>Unreachable</c>…) with a sentence when it is not simply following.
/// </summary>
public sealed record SandboxFileBatch(IReadOnlyList<LogLine> Lines, long Skipped, string State, string? Message)
{
    public static SandboxFileBatch Of(LogBatch batch) =>
        new(batch.Lines, batch.Skipped, batch.Status.State.ToString(), batch.Status.Message);
}
