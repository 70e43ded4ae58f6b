using System.Net;
using MesosConsole.Data;
using MesosConsole.Data.Deployments;
using MesosConsole.Provisioning.Ansible;
using MesosConsole.Web;
using MesosConsole.Web.Deployments;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MesosConsole.Provisioning.Tests.Ansible;

/// <summary>The whole console as Program builds it: the runner is wired to the cluster chooser, and a run a dead console left running is marked interrupted at the next start-up.</summary>
public sealed class DeploymentHostingTests
{
    [Fact]
    public async Task Console_RestartsOverARunLeftRunning_MarksItInterruptedAfterTheMigration()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = Directory.CreateTempSubdirectory("mesosconsole-deploy-host-").FullName;
        try
        {
            // First start on an empty folder: the migrator must have made the schema before the runs' lifetime reads it.
            await using (var console = Console(root))
            {
                await console.StartAsync(ct);
                using var http = new HttpClient { BaseAddress = new Uri(console.App.Urls.First()) };
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/deploy/runs", ct)).StatusCode);
                Assert.IsType<CatalogDeployedClusterSink>(console.App.Services.GetRequiredService<IDeployedClusterSink>());
                var hosted = console.App.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ToList();
                Assert.True(hosted.IndexOf("DatabaseMigrator") < hosted.IndexOf(nameof(DeploymentRunsLifetime)), string.Join(", ", hosted));
                await console.StopAsync(CancellationToken.None);
            }

            // A console killed mid-run leaves its row Running.
            var runId = Guid.NewGuid();
            await using (var db = Database(root))
            {
                db.DeploymentRuns.Add(new DeploymentRun
                {
                    Id = runId,
                    ClusterName = "lab",
                    StartedAt = DateTimeOffset.UtcNow,
                    Playbook = "site.yml",
                    Inventory = "",
                    Log = "TASK [one] ****",
                    Result = DeploymentResult.Running,
                });
                await db.SaveChangesAsync(ct);
            }

            await using (var console = Console(root))
            {
                await console.StartAsync(ct);
                await console.StopAsync(CancellationToken.None);
            }

            await using (var db = Database(root))
            {
                var run = await db.DeploymentRuns.SingleAsync(r => r.Id == runId, ct);
                Assert.Equal(DeploymentResult.Interrupted, run.Result);
                Assert.NotNull(run.FinishedAt);
                Assert.Contains("The console stopped before this run ended", run.Log, StringComparison.Ordinal);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static ConsoleWebApplication Console(string root) =>
        new(new WebApplicationOptions { ContentRootPath = root, EnvironmentName = "Production" }, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
                ["ConnectionStrings:Console"] = "Data Source=var/console.db;Pooling=False",
                ["Cluster:Mode"] = "Remote",
                ["Cluster:MasterUrls:0"] = "http://127.0.0.1:1",
                ["Cloud:KeysDirectory"] = "var/cloud-keys",
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });

    private static ConsoleDbContext Database(string root) =>
        new(new DbContextOptionsBuilder<ConsoleDbContext>().UseSqlite($"Data Source={Path.Combine(root, "var", "console.db")};Pooling=False").Options);
}
