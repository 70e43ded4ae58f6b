using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MesosConsole.LocalCluster.Agent.Http;

/// <summary>An agent's own Kestrel server. Built empty: no configuration files or environment are read, so
/// nothing outside the agent's settings (e.g. ASPNETCORE_URLS) can move it.</summary>
internal sealed class AgentHttpHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AgentHttpHost(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    /// <summary>The bound port.</summary>
    public int Port { get; }

    public static async Task<AgentHttpHost> StartAsync(LocalAgent agent, ILoggerFactory loggerFactory, CancellationToken ct)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(agent.Runtime.Ip, agent.Runtime.Port);
            kestrel.AddServerHeader = false; // a real agent sends none
        });

        var app = builder.Build();
        AgentRoutes.Map(app, agent);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        return new AgentHttpHost(app, new Uri(address).Port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
