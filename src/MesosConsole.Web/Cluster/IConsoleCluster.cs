using MesosConsole.Mesos.Client;

namespace MesosConsole.Web.Cluster;

/// <summary>
/// One cluster the console watches, with everything a page needs to show it: its live state (one
/// operator SUBSCRIBE for the whole process), the operator API of whichever master leads, and an
/// HTTP client for the other public endpoints (agents' files API, <c>/metrics/snapshot</c>).
/// </summary>
public interface IConsoleCluster
{
    ClusterInfo Info { get; }

    /// <summary>The live state: the current snapshot, then each newer one.</summary>
    IClusterStateFeed State { get; }

    /// <summary>The operator API of the master leading at the time of each call.</summary>
    IMesosOperatorClient Operator { get; }

    /// <summary>The leading master's base URL, looked up if not known.</summary>
    Task<Uri> GetLeaderUrlAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A client for plain HTTP calls to this cluster's masters and agents (redirects not followed,
    /// Mesos's timeouts). The caller disposes it; the handler underneath is pooled.
    /// </summary>
    HttpClient CreateHttpClient();
}
