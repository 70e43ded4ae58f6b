using System.Net;
using System.Text;

namespace MesosConsole.Web.Tests.Support;

/// <summary>
/// Masters answering in memory, by host: each request goes to the answer set for its host, or
/// fails as a refused connection when the host has none. An <see cref="IHttpClientFactory"/> too.
/// </summary>
public sealed class StubMasters : HttpMessageHandler, IHttpClientFactory
{
    private readonly Dictionary<string, Func<HttpRequestMessage, HttpResponseMessage>> _byHost = [];

    public List<Uri> Requests { get; } = [];

    public void Answer(string host, Func<HttpRequestMessage, HttpResponseMessage> answer) => _byHost[host] = answer;

    public void Down(string host) => _byHost.Remove(host);

    public static HttpResponseMessage Json(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request.RequestUri!);
        }

        return _byHost.TryGetValue(request.RequestUri!.Host, out var answer)
            ? Task.FromResult(answer(request))
            : Task.FromException<HttpResponseMessage>(new HttpRequestException($"Connection refused ({request.RequestUri.Authority})"));
    }
}
