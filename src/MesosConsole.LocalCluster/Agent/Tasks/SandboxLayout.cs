namespace MesosConsole.LocalCluster.Agent.Tasks;

/// <summary>
/// A run's sandbox as Mesos lays it out:
/// <c>&lt;workDir&gt;/slaves/&lt;agentId&gt;/frameworks/&lt;frameworkId&gt;/executors/&lt;executorId&gt;/runs/&lt;containerId&gt;</c>,
/// with <c>runs/latest</c> linking to the newest run of that executor.
/// </summary>
internal sealed record SandboxLayout(string RunDirectory, string LatestLink, string VirtualLatest)
{
    /// <summary>The layout, or null when an id could not be a single path segment (empty, ".", "..", or with '/').</summary>
    public static SandboxLayout? For(string workDir, string agentId, string frameworkId, string executorId, string containerId)
    {
        if (!IsSegment(agentId) || !IsSegment(frameworkId) || !IsSegment(executorId) || !IsSegment(containerId))
        {
            return null;
        }

        var runs = string.Join('/', workDir, "slaves", agentId, "frameworks", frameworkId, "executors", executorId, "runs");
        return new SandboxLayout(runs + "/" + containerId, runs + "/latest",
            $"/frameworks/{frameworkId}/executors/{executorId}/runs/latest");
    }

    /// <summary>Creates the run directory and points <c>latest</c> at it.</summary>
    public void Create()
    {
        Directory.CreateDirectory(RunDirectory);
        try
        {
            File.CreateSymbolicLink(LatestLink, RunDirectory);
        }
        catch (IOException)
        {
            // An earlier run of the same executor id: swap the link atomically (rename over it).
            var replacement = LatestLink + "." + Path.GetFileName(RunDirectory);
            File.CreateSymbolicLink(replacement, RunDirectory);
            File.Move(replacement, LatestLink, overwrite: true);
        }
    }

    private static bool IsSegment(string id) =>
        id.Length > 0 && id != "." && id != ".." && !id.Contains('/', StringComparison.Ordinal) && !id.Contains('\0', StringComparison.Ordinal);
}
