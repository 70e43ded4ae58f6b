using MesosConsole.Mesos.Client;

namespace MesosConsole.Web.Cluster;

/// <summary>A remote cluster: asks its masters who leads (<c>/master/redirect</c>).</summary>
public sealed class LeaderDetectingMasterLocator(IHttpClientFactory httpClientFactory, IReadOnlyList<Uri> masters)
    : IMasterLocator
{
    public Task<Uri> LocateAsync(CancellationToken cancellationToken)
    {
        var detector = new LeaderDetector(httpClientFactory.CreateClient(ClusterConnection.HttpClientName), masters);
        return detector.DetectAsync(cancellationToken);
    }
}
