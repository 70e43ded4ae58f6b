using Bunit;
using Bunit.TestDoubles;
using MesosConsole.Mesos.Client;
using MesosConsole.Web.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace MesosConsole.Web.Tests.Support;

/// <summary>
/// The one bUnit setup for console components: MudBlazor with loose JS interop, no transitions and no
/// popover-provider check; the cluster feed as a <see cref="FakeClusterStateFeed"/> the test publishes
/// to, a <see cref="FakeOperatorClient"/>, both as the default cluster of a <see cref="FakeClusterCatalog"/>, and a <see cref="FakeTimeProvider"/>, so throttled renders
/// happen when a test advances time, not by waiting.
/// </summary>
public abstract class ConsoleComponentTest : BunitContext
{
    protected ConsoleComponentTest()
    {
        // Generous, because CI shares two cores; waits end as soon as the assertion holds.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
        Services.AddSingleton<IMesosOperatorClient>(Master);
        Services.AddSingleton<IClusterStateFeed>(Feed);
        Services.AddSingleton<TimeProvider>(Time);
        Cluster = new FakeConsoleCluster(new ClusterInfo(ClusterInfo.DefaultId, "Test cluster", ClusterKind.Embedded, []), Feed, Master);
        Catalog = new FakeClusterCatalog(Cluster);
        Services.AddSingleton<IClusterCatalog>(Catalog);
        Services.AddScoped<ClusterSelection>();
        // Nobody signed in (Open mode); tests that need a user call Authorization.SetAuthorized.
        Authorization = this.AddAuthorization();
    }

    protected BunitAuthorizationContext Authorization { get; }

    protected FakeClusterStateFeed Feed { get; } = new();

    protected FakeOperatorClient Master { get; } = new();

    /// <summary>The selected (default) cluster: <see cref="Feed"/> and <see cref="Master"/>, plus its HTTP fake.</summary>
    protected FakeConsoleCluster Cluster { get; }

    protected FakeClusterCatalog Catalog { get; }

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 20, 20, 0, TimeSpan.Zero));
}
