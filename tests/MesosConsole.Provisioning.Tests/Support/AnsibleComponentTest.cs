using Bunit;
using MesosConsole.Data;
using MesosConsole.Provisioning.Ansible;
using MesosConsole.Provisioning.Hpc;
using MesosConsole.Web.Access;
using MesosConsole.Web.Cluster;
using MesosConsole.Web.Deployments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace MesosConsole.Provisioning.Tests.Support;

/// <summary>
/// bUnit setup for the deploy and HPC pages (the idea of Web.Tests' ConsoleComponentTest): MudBlazor with
/// loose JS interop and no transitions, the real <see cref="DeploymentRunner"/> and run records over a real
/// SQLite file, ansible-playbook replaced by <see cref="Runner"/>, and the cluster chooser by <see cref="Catalog"/>
/// (behind the web host's own <see cref="CatalogDeployedClusterSink"/>).
/// </summary>
public abstract class AnsibleComponentTest : BunitContext
{
    private readonly AnsibleTestDatabase _database = new();

    protected AnsibleComponentTest()
    {
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
        Services.AddLogging();
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton<IDbContextFactory<ConsoleDbContext>>(_database);
        Services.AddSingleton<IAnsibleRunner>(Runner);
        Services.AddSingleton(Options.Create(new AnsibleOptions { PlaybookDirectory = "/opt/mesosconsole/ansible" }));
        Services.AddSingleton<DeploymentRunStore>();
        Services.AddSingleton<DeployableRequests>();
        Services.AddSingleton<DeploymentRunner>();
        Services.AddSingleton<IDeployedClusterSink, CatalogDeployedClusterSink>();
        Services.AddSingleton<SlurmScriptGenerator>();
        Services.AddSingleton<IClusterCatalog>(Catalog);
        Services.AddScoped<ClusterSelection>();
        // The deploy page records who started a run.
        this.AddAuthorization().SetAuthorized(UserName);
        Services.AddSingleton(Options.Create(new AccessOptions { Mode = nameof(AccessMode.Token) }));
        Services.AddScoped<ConsoleUserName>();
    }

    protected const string UserName = "ada";

    internal AnsibleFakeRunner Runner { get; } = new();

    internal AnsibleFakeClusterCatalog Catalog { get; } = new();

    internal IDbContextFactory<ConsoleDbContext> Database => _database;

    /// <summary>The background owner of runs, as the pages use it.</summary>
    internal DeploymentRunner Deployments => Services.GetRequiredService<DeploymentRunner>();

    /// <summary>Waits until the run has ended and its row is final (the runner's stream for it ends then).</summary>
    internal async Task WaitForEndAsync(Guid runId)
    {
        if (Deployments.Watch(runId) is { } lines)
        {
            await foreach (var _ in lines.WithCancellation(Xunit.TestContext.Current.CancellationToken))
            {
            }
        }
    }

    internal async Task<MesosConsole.Data.Deployments.DeploymentRun> StoredRunAsync(Guid runId)
    {
        await using var db = await Database.CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken);
        return await db.DeploymentRuns.SingleAsync(r => r.Id == runId, Xunit.TestContext.Current.CancellationToken);
    }

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 20, 20, 0, TimeSpan.Zero));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
        }
    }

    /// <summary>xUnit disposes test classes asynchronously when it can: the database file goes then too.</summary>
    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        _database.Dispose();
    }
}
