using MesosConsole.Mesos.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MesosConsole.Mesos.Tests.Client;

/// <summary>
/// Over a real socket with the handler the clients are meant to use: a standby master's 307 is read,
/// not followed (following it would fetch the leader's web UI and find no leader there).
/// </summary>
public sealed class LeaderDetectorOverHttpTests : IAsyncLifetime
{
    private WebApplication _standby = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _standby = builder.Build();
        // As Mesos writes it: protocol-relative, host and port only.
        _standby.MapGet("/master/redirect", (HttpResponse response) =>
        {
            response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            response.Headers.Location = "//127.0.0.1:1";
        });
        await _standby.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _standby.DisposeAsync();

    [Fact]
    public async Task DetectAsync_WithMesosHandler_ReadsTheRedirectInsteadOfFollowingIt()
    {
        using var http = new HttpClient(MesosHttp.CreateHandler());
        var detector = new LeaderDetector(http, [new Uri(_standby.Urls.Single())]);

        var leader = await detector.DetectAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new Uri("http://127.0.0.1:1/"), leader);
    }
}
