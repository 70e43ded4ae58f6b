using System.Net;
using MesosConsole.Mesos.Client;
using MesosConsole.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MesosConsole.Web.Tests.Hosting;

/// <summary>The composition root over real HTTP: endpoints, start-up validation, and the remote cluster path.</summary>
public sealed class ConsoleWebApplicationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Action<IServiceCollection> Swap(FakeOperatorClient master) =>
        services => services.AddSingleton<IMesosOperatorClient>(master);

    [Fact]
    public async Task Alive_MasterDown_StillAnswers200()
    {
        var master = new FakeOperatorClient { Failure = new MesosApiException("cannot reach http://127.0.0.1:1") };
        await using var console = await RunningConsole.StartAsync(RunningConsole.RemoteConfiguration(), Swap(master));

        var response = await console.Http.GetAsync("/alive", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_MasterHealthy_Answers200()
    {
        await using var console = await RunningConsole.StartAsync(RunningConsole.RemoteConfiguration(), Swap(new FakeOperatorClient()));

        var response = await console.Http.GetAsync("/health", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Healthy", await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task Health_MasterUnreachable_Answers503WithTheReason()
    {
        var master = new FakeOperatorClient { Failure = new MesosApiException("GET_HEALTH at http://127.0.0.1:1/api/v1: cannot reach http://127.0.0.1:1") };
        await using var console = await RunningConsole.StartAsync(RunningConsole.RemoteConfiguration(), Swap(master));

        var response = await console.Http.GetAsync("/health", Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("mesos-master: Unhealthy: GET_HEALTH at http://127.0.0.1:1/api/v1: cannot reach", await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task Health_MasterSaysUnhealthy_Answers503()
    {
        await using var console = await RunningConsole.StartAsync(RunningConsole.RemoteConfiguration(), Swap(new FakeOperatorClient { Healthy = false }));

        var response = await console.Http.GetAsync("/health", Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Start_RemoteMode_FindsTheLeaderThroughRedirectAndAsksItsHealth()
    {
        await using var master = await FakeMesosMaster.StartAsync();
        await using var console = await RunningConsole.StartAsync(RunningConsole.RemoteConfiguration(master.Url.ToString()));

        var response = await console.Http.GetAsync("/health", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // One lookup shared by the health check and the cluster subscription, which also posts to /api/v1.
        Assert.Equal("GET /master/redirect", master.Requests.First());
        Assert.Single(master.Requests, r => r == "GET /master/redirect");
        Assert.Contains("POST /api/v1", master.Requests);
    }

    [Fact]
    public async Task Start_InvalidClusterSection_FailsListingEveryError()
    {
        await using var console = RunningConsole.Build(new Dictionary<string, string?>
        {
            ["Cluster:Mode"] = "Remot",
            ["Cluster:MasterUrls:0"] = "mesos-m1:5050",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => console.StartAsync(Token));

        Assert.Equal(2, error.Failures.Count());
        Assert.Contains("Cluster:Mode must be Embedded or Remote (got 'Remot').", error.Failures);
        Assert.Contains(error.Failures, f => f.StartsWith("Cluster:MasterUrls:0 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HomePage_ServesTheAppShellWithMudBlazorAssets()
    {
        await using var console = await RunningConsole.StartAsync(RunningConsole.RemoteConfiguration(), Swap(new FakeOperatorClient()));

        var shell = await console.Http.GetStringAsync("/", Token);
        var css = System.Text.RegularExpressions.Regex.Match(shell, "_content/MudBlazor/MudBlazor\\.min[^\"]*\\.css").Value;
        var cssResponse = await console.Http.GetAsync("/" + css, Token);

        Assert.Contains("_framework/blazor.web", shell);
        Assert.Equal(HttpStatusCode.OK, cssResponse.StatusCode);
    }
}
