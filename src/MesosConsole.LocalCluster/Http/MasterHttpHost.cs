using System.Net;
using MesosConsole.LocalCluster.Master;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MesosConsole.LocalCluster.Http;

/// <summary>The master's own Kestrel server on its port.</summary>
internal sealed class MasterHttpHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MasterHttpHost(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Serves <paramref name="master"/> on hostname:port (0 = a free port) and returns the bound port.</summary>
    public static async Task<MasterHttpHost> StartAsync(LocalMaster master, int port, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        // An empty builder: the master must not pick up the host application's configuration (its
        // appsettings.json Kestrel endpoints or ASPNETCORE_URLS would bind the console's port too).
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.TryParse(master.Hostname, out var ip) ? ip : IPAddress.Loopback, port);
            kestrel.Limits.MaxRequestBodySize = MesosHttp.MaxRequestBodyBytes;
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        MasterRoutes.Map(app, master);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        return new MasterHttpHost(app, bound);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
