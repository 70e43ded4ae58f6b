using MesosConsole.Mesos.Client;
using MesosConsole.Web.Cluster;

namespace MesosConsole.Web.Tests.Support;

/// <summary>
/// A cluster of the catalog made of fakes: a <see cref="FakeClusterStateFeed"/> the test publishes to,
/// an operator client, a fixed leader URL, and an HTTP handler the test chooses (by default one that
/// fails every request, so a page that calls out unexpectedly shows it).
/// </summary>
public sealed class FakeConsoleCluster(ClusterInfo info, FakeClusterStateFeed feed, IMesosOperatorClient operatorClient) : IConsoleCluster
{
    public ClusterInfo Info => info;

    public FakeClusterStateFeed Feed => feed;

    public IClusterStateFeed State => feed;

    public IMesosOperatorClient Operator => operatorClient;

    public Uri LeaderUrl { get; set; } = new("http://127.0.0.1:5050/");

    /// <summary>Answers the cluster's plain HTTP calls (files API, metrics).</summary>
    public HttpMessageHandler Http { get; set; } = new FailingHandler();

    public Task<Uri> GetLeaderUrlAsync(CancellationToken cancellationToken) => Task.FromResult(LeaderUrl);

    public HttpClient CreateHttpClient() => new(Http, disposeHandler: false);

    private sealed class FailingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException($"No fake answers {request.Method} {request.RequestUri}.");
    }
}
