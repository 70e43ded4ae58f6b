using System.Net;
using MesosConsole.Mesos.Client;
using MesosConsole.Mesos.Tests.Support;

namespace MesosConsole.Mesos.Tests.Client;

public sealed class LeaderDetectorTests
{
    private readonly ScriptedHandler _masters = new();

    private LeaderDetector Detector(params string[] masters) =>
        new(new HttpClient(_masters), masters.Select(m => new Uri(m)));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DetectAsync_MasterRedirects_ReturnsTheLeaderWithTheAskedScheme()
    {
        _masters.Answer(_ => Redirect("//10.0.0.7:5050"));

        var leader = await Detector("https://m1.example:5050").DetectAsync(Token);

        Assert.Equal(new Uri("https://10.0.0.7:5050/"), leader);
        var request = Assert.Single(_masters.Requests);
        Assert.Equal((HttpMethod.Get, "https://m1.example:5050/master/redirect"), (request.Method, request.Url.ToString()));
    }

    [Fact]
    public async Task DetectAsync_FirstMasterDown_AsksTheNext()
    {
        _masters.Fail(new HttpRequestException("Connection refused"))
            .Answer(_ => Redirect("//m3.example:5050"));

        var leader = await Detector("http://m1.example:5050", "http://m2.example:5050", "http://m3.example:5050").DetectAsync(Token);

        Assert.Equal(new Uri("http://m3.example:5050/"), leader);
        Assert.Equal(["m1.example", "m2.example"], _masters.Requests.Select(r => r.Url.Host));
    }

    [Fact]
    public async Task DetectAsync_NoLeaderElected_ThrowsWithMesosExplanation()
    {
        _masters.Answer(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("No leader elected") });

        var error = await Assert.ThrowsAsync<MesosApiException>(() => Detector("http://m1.example:5050").DetectAsync(Token));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("No leader elected", error.Body);
        Assert.Contains("http://m1.example:5050/master/redirect failed: 503 Service Unavailable: No leader elected", error.Message);
    }

    [Fact]
    public async Task DetectAsync_EveryMasterFails_ListsWhatEachSaid()
    {
        _masters.Fail(new HttpRequestException("Connection refused"))
            .Answer(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("No leader elected") });

        var error = await Assert.ThrowsAsync<MesosApiException>(
            () => Detector("http://m1.example:5050", "http://m2.example:5050").DetectAsync(Token));

        Assert.StartsWith("No master named a leader: ", error.Message);
        Assert.Contains("cannot reach http://m1.example:5050: Connection refused", error.Message);
        Assert.Contains("m2.example:5050/master/redirect failed: 503 Service Unavailable: No leader elected", error.Message);
        Assert.Equal(2, Assert.IsType<AggregateException>(error.InnerException).InnerExceptions.Count);
    }

    [Fact]
    public async Task DetectAsync_RedirectWithoutLocation_Throws()
    {
        _masters.Answer(_ => new HttpResponseMessage(HttpStatusCode.TemporaryRedirect));

        var error = await Assert.ThrowsAsync<MesosApiException>(() => Detector("http://m1.example:5050").DetectAsync(Token));

        Assert.Contains("the 307 answer names no leader", error.Message);
    }

    [Fact]
    public void Constructor_NoMasters_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new LeaderDetector(new HttpClient(_masters), []));
    }

    private static HttpResponseMessage Redirect(string location)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TemporaryRedirect) { Content = new ByteArrayContent([]) };
        response.Headers.TryAddWithoutValidation("Location", location);
        return response;
    }
}
