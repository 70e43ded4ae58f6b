using System.Net;
using MesosConsole.Web.Cluster;

namespace MesosConsole.Web.Offers;

/// <summary>
/// The embedded master's allocator extension, <c>/console/v1/allocator</c> (MesosConsole's own, not a
/// Mesos API; see src/MesosConsole.LocalCluster/README.md), reached over plain HTTP like every other
/// cluster endpoint. A real Mesos master answers 404, which is how the console tells them apart.
/// </summary>
public static class AllocatorExtension
{
    public const string EventsPath = "console/v1/allocator/events";
    public const string PausePath = "console/v1/allocator/pause";
    public const string ResumePath = "console/v1/allocator/resume";
    public const string StepPath = "console/v1/allocator/step";

    /// <summary>
    /// Posts pause, resume or step to the leading master. Returns null when it was done, or the
    /// master's reason (e.g. "pause it first") when not.
    /// </summary>
    public static async Task<string?> SendAsync(IConsoleCluster cluster, string path, CancellationToken cancellationToken)
    {
        try
        {
            var leader = await cluster.GetLeaderUrlAsync(cancellationToken);
            using var http = cluster.CreateHttpClient();
            using var response = await http.PostAsync(new Uri(leader, path), content: null, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return null;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.StatusCode == HttpStatusCode.NotFound
                ? "This master has no allocator controls (only the embedded cluster has them)."
                : $"The master refused ({(int)response.StatusCode}): {body}";
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A button press must never take the page down: whatever went wrong is said on the page.
            return $"The master could not be reached: {ex.Message}";
        }
    }
}
