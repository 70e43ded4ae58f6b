using MesosConsole.LocalCluster.Hosting;
using MesosConsole.Provisioning.Tests.Support;
using MesosConsole.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace MesosConsole.Browser.Tests.Support;

/// <summary>
/// The whole console in embedded mode (three agents, every port free) on a free loopback port, and
/// one headless Debian Chromium that every test opens its own pages in. The console's EC2 wizard talks
/// to a local EC2 stand-in started first (its address is configuration the console reads at start).
/// </summary>
public sealed class BrowserConsole : IAsyncLifetime
{
    /// <summary>Where Debian's chromium package puts the browser; BROWSER_PATH overrides it.</summary>
    public const string DefaultBrowserPath = "/usr/bin/chromium";

    /// <summary>Flags that let Chromium run headless as root on a machine without outside network.</summary>
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private ConsoleWebApplication? _console;
    private string? _keysDirectory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The console's own address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The running console's services, for tests that tidy up what they made through its pages.</summary>
    public IServiceProvider Services => _console?.App.Services ?? throw new InvalidOperationException("The console has not started.");

    /// <summary>The embedded cluster's leading (and only) master.</summary>
    public Uri MasterUrl { get; private set; } = null!;

    /// <summary>The EC2 endpoint the console's EC2 wizard calls instead of AWS; it records every call.</summary>
    public Ec2TestEndpoint Ec2 { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var browserPath = ResolveBrowserPath();
        Ec2 = await Ec2TestEndpoint.StartAsync();
        // The Data Protection key ring that encrypts cloud secrets typed in the wizard: this console's alone.
        _keysDirectory = Path.Combine(Path.GetTempPath(), "mesosconsole-tests", $"keys-{Guid.NewGuid():N}");

        _console = new ConsoleWebApplication(
            new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" },
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
                    // A database of its own: consoles of parallel tests never share one.
                    ["ConnectionStrings:Console"] = $"Data Source={Path.Combine(Path.GetTempPath(), "mesosconsole-tests", $"{Guid.NewGuid():N}.db")}",
                    ["Cluster:Mode"] = "Embedded",
                    ["LocalCluster:MasterPort"] = "0",
                    ["LocalCluster:FirstAgentPort"] = "0",
                    ["LocalCluster:Agents"] = "3",
                    // The checkout's playbooks, for the deploy wizard (the default is relative to the content root).
                    ["Ansible:PlaybookDirectory"] = Path.Combine(Repository.Root, "ansible"),
                    ["Cloud:Ec2ServiceUrl"] = Ec2.Url.ToString(),
                    ["Cloud:KeysDirectory"] = _keysDirectory,
                    // Real time here: instances are followed every 200 ms, and a refused call fails at once.
                    ["Cloud:PollInterval"] = "00:00:00.200",
                    ["Cloud:Ec2SdkMaxErrorRetry"] = "0",
                });
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
            });
        await _console.StartAsync(TestContext.Current.CancellationToken);
        BaseUrl = new Uri(_console.App.Urls.First().TrimEnd('/') + "/");

        var cluster = await _console.App.Services.GetRequiredService<LocalClusterHostedService>().Started
            .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        MasterUrl = cluster.MasterUrl;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = browserPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh page (own context) at 1280x800 with generous timeouts for a slow CI machine.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    private static string ResolveBrowserPath()
    {
        var configured = Environment.GetEnvironmentVariable("BROWSER_PATH");
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultBrowserPath : configured;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at '{path}' (from {(string.IsNullOrWhiteSpace(configured) ? "the default" : "BROWSER_PATH")}). " +
                "The browser tests drive Debian's chromium package, which tests/run.sh installs " +
                "(apt-get install chromium); run the tests through `bash tests/run.sh`, install it yourself, " +
                "or set BROWSER_PATH to a Chromium executable.");
        }

        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_console is not null)
        {
            await _console.StopAsync(CancellationToken.None);
            await _console.DisposeAsync();
        }

        if (Ec2 is not null)
        {
            await Ec2.DisposeAsync();
        }

        if (_keysDirectory is not null && Directory.Exists(_keysDirectory))
        {
            Directory.Delete(_keysDirectory, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserConsoleCollection : ICollectionFixture<BrowserConsole>
{
    public const string Name = "console in a browser";
}
