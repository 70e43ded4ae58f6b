using MesosConsole.Data.Clusters;
using MesosConsole.Data.Deployments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MesosConsole.Data.Tests;

/// <summary>The real schema: migrations applied to an empty SQLite file, as at start-up.</summary>
public sealed class ConsoleDatabaseTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mesosconsole-data-tests", Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddConsoleDatabase("Data Source=db/console.db", _directory)
            .BuildServiceProvider();
        await _services.GetServices<IHostedService>().OfType<DatabaseMigrator>().Single().StartAsync(Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task AddConsoleDatabase_RelativeDataSource_CreatesTheFileUnderTheContentRootWithEveryMigrationApplied()
    {
        await using var db = await Contexts.CreateDbContextAsync(Token);

        Assert.True(File.Exists(Path.Combine(_directory, "db", "console.db")));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Token));
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(Token));
    }

    [Fact]
    public async Task Clusters_SavedWithMasterList_ReadBackInOrderAndNamesAreUnique()
    {
        await using (var db = await Contexts.CreateDbContextAsync(Token))
        {
            db.Clusters.Add(new ClusterEntry
            {
                Id = "lab", Name = "Teaching lab", MasterUrls = ["http://10.0.0.5:5050/", "http://10.0.0.6:5050/"],
                CreatedAt = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1)),
            });
            await db.SaveChangesAsync(Token);
        }

        await using (var db = await Contexts.CreateDbContextAsync(Token))
        {
            var lab = await db.Clusters.SingleAsync(c => c.Id == "lab", Token);
            Assert.Equal(["http://10.0.0.5:5050/", "http://10.0.0.6:5050/"], lab.MasterUrls);
            Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), lab.CreatedAt);

            db.Clusters.Add(new ClusterEntry { Id = "lab-2", Name = "Teaching lab", MasterUrls = ["http://x:5050/"] });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Token));
        }
    }

    [Fact]
    public async Task DeploymentRuns_OrderedByStartTimeInSql_NewestFirst()
    {
        var start = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        await using (var db = await Contexts.CreateDbContextAsync(Token))
        {
            foreach (var minutes in new[] { 5, 1, 30 })
            {
                db.DeploymentRuns.Add(new DeploymentRun
                {
                    Playbook = "site.yml", Inventory = $"# {minutes}", StartedAt = start.AddMinutes(minutes), Result = DeploymentResult.Succeeded,
                });
            }

            await db.SaveChangesAsync(Token);
        }

        await using (var db = await Contexts.CreateDbContextAsync(Token))
        {
            var newest = await db.DeploymentRuns.Where(r => r.StartedAt > start.AddMinutes(2))
                .OrderByDescending(r => r.StartedAt).Select(r => r.Inventory).ToListAsync(Token);
            Assert.Equal(["# 30", "# 5"], newest);
        }
    }

    private IDbContextFactory<ConsoleDbContext> Contexts => _services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>();
}
