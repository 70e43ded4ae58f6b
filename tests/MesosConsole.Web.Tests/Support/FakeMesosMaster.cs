using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MesosConsole.Web.Tests.Support;

/// <summary>
/// A master on a loopback port speaking just enough Mesos for start-up: it names itself leader on
/// <c>/master/redirect</c> (307, protocol-relative, as Mesos does) and answers GET_HEALTH.
/// </summary>
public sealed class FakeMesosMaster : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeMesosMaster(WebApplication app) => _app = app;

    public Uri Url => new(_app.Urls.Single());

    /// <summary>"METHOD /path" of every request, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<FakeMesosMaster> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var master = new FakeMesosMaster(builder.Build());
        master._app.Use((context, next) =>
        {
            master.Requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            return next(context);
        });
        master._app.MapGet("/master/redirect", (HttpResponse response) =>
        {
            response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            response.Headers.Location = "//" + master.Url.Authority;
        });
        master._app.MapPost("/api/v1", async (HttpResponse response) =>
        {
            response.ContentType = "application/json";
            await response.WriteAsync("""{"type":"GET_HEALTH","get_health":{"healthy":true}}""");
        });
        await master._app.StartAsync(TestContext.Current.CancellationToken);
        return master;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
