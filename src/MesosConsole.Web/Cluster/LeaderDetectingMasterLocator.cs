using MesosConsole.Mesos.Client;
using MesosConsole.Web.Configuration;
using Microsoft.Extensions.Options;

namespace MesosConsole.Web.Cluster;

/// <summary>Remote mode: asks the configured masters who leads (<c>/master/redirect</c>).</summary>
public sealed class LeaderDetectingMasterLocator(IHttpClientFactory httpClientFactory, IOptions<ClusterOptions> options)
    : IMasterLocator
{
    public Task<Uri> LocateAsync(CancellationToken cancellationToken)
    {
        var masters = options.Value.MasterUrls.Select(url => new Uri(url));
        var detector = new LeaderDetector(httpClientFactory.CreateClient(ClusterConnection.HttpClientName), masters);
        return detector.DetectAsync(cancellationToken);
    }
}
