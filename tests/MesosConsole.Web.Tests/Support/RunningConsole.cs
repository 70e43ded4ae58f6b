using MesosConsole.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MesosConsole.Web.Tests.Support;

/// <summary>
/// The whole console on a free loopback port, built by <see cref="ConsoleWebApplication"/> exactly as
/// Program does, with test configuration and service swaps applied through its pre-configure hook.
/// The content root is the test's output folder, so the repository's appsettings.json plays no part.
/// </summary>
public sealed class RunningConsole : IAsyncDisposable
{
    private RunningConsole(ConsoleWebApplication console)
    {
        Console = console;
        Http = new HttpClient { BaseAddress = new Uri(console.App.Urls.First()) };
    }

    public ConsoleWebApplication Console { get; }

    public HttpClient Http { get; }

    public static ConsoleWebApplication Build(IDictionary<string, string?> configuration, Action<IServiceCollection>? swap = null) =>
        new(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" }, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
                    // A database of its own: consoles of parallel tests never share one.
                    ["ConnectionStrings:Console"] = $"Data Source={Path.Combine(Path.GetTempPath(), "mesosconsole-tests", $"{Guid.NewGuid():N}.db")}",
            });
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            swap?.Invoke(builder.Services);
        });

    public static async Task<RunningConsole> StartAsync(IDictionary<string, string?> configuration, Action<IServiceCollection>? swap = null)
    {
        var console = Build(configuration, swap);
        await console.StartAsync(TestContext.Current.CancellationToken);
        return new RunningConsole(console);
    }

    /// <summary>Remote mode at a master nobody listens on: only swapped-in services can answer.</summary>
    public static Dictionary<string, string?> RemoteConfiguration(string masterUrl = "http://127.0.0.1:1") => new()
    {
        ["Cluster:Mode"] = "Remote",
        ["Cluster:MasterUrls:0"] = masterUrl,
    };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Console.StopAsync(CancellationToken.None);
        await Console.DisposeAsync();
    }
}
