using MesosConsole.Mesos.Client;

namespace MesosConsole.Web.Cluster;

/// <summary>
/// A cluster in the catalog: its connection (leader lookup, operator API) and its state feed.
/// <paramref name="owned"/> is what ends with it when it leaves the catalog (a stored cluster's own
/// subscription); the default cluster's services belong to the host instead.
/// </summary>
internal sealed class ConsoleCluster(
    ClusterInfo info,
    ClusterConnection connection,
    IMesosOperatorClient operatorClient,
    IClusterStateFeed state,
    IHttpClientFactory httpClientFactory,
    IAsyncDisposable? owned = null) : IConsoleCluster, IAsyncDisposable
{
    public ClusterInfo Info => info;

    public IClusterStateFeed State => state;

    public IMesosOperatorClient Operator => operatorClient;

    public Task<Uri> GetLeaderUrlAsync(CancellationToken cancellationToken) => connection.GetLeaderUrlAsync(cancellationToken);

    public HttpClient CreateHttpClient() => httpClientFactory.CreateClient(ClusterConnection.HttpClientName);

    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
