using MesosConsole.LocalCluster.Hosting;
using MesosConsole.Web.Cluster;
using MesosConsole.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MesosConsole.Web.Tests.Clusters;

/// <summary>The catalog in the whole console: real SQLite, real subscriptions over loopback HTTP.</summary>
public sealed class ClusterCatalogTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddAsync_RemoteClusterAtARealMaster_IsWatchedByItsOwnSubscriptionAndSurvivesARestart()
    {
        var database = $"Data Source={Path.Combine(Path.GetTempPath(), "mesosconsole-tests", $"{Guid.NewGuid():N}.db")}";
        await using var mesos = await EmbeddedCluster.StartAsync(
            new LocalClusterOptions { MasterPort = 0, FirstAgentPort = 0, Agents = 2 }, cancellationToken: Token);

        await using (var console = await RunningConsole.StartAsync(WithDatabase(RunningConsole.RemoteConfiguration(), database)))
        {
            var catalog = console.Console.App.Services.GetRequiredService<IClusterCatalog>();
            var added = await catalog.AddAsync("  Teaching lab ", [mesos.MasterUrl], Token);

            Assert.Equal("teaching-lab", added.Info.Id);
            Assert.Equal("Teaching lab", added.Info.Name);
            Assert.Equal([ClusterInfo.DefaultId, "teaching-lab"], catalog.Clusters.Select(c => c.Info.Id));
            await foreach (var snapshot in added.State.WatchAsync(Token))
            {
                if (snapshot is { Connected: true, Agents.Count: 2 })
                {
                    break;
                }
            }
        }

        await using (var restarted = await RunningConsole.StartAsync(WithDatabase(RunningConsole.RemoteConfiguration(), database)))
        {
            var catalog = restarted.Console.App.Services.GetRequiredService<IClusterCatalog>();
            var again = Assert.IsType<IConsoleCluster>(catalog.Find("teaching-lab"), exactMatch: false);
            Assert.Equal([mesos.MasterUrl], again.Info.MasterUrls);
        }
    }

    [Theory]
    [InlineData("", "http://10.0.0.5:5050", "Give the cluster a name.")]
    [InlineData("lab", "ftp://10.0.0.5:5050", "\"ftp://10.0.0.5:5050/\" is not an http:// or https:// URL of a master.")]
    [InlineData("127.0.0.1:1", "http://10.0.0.5:5050", "There is already a cluster named \"127.0.0.1:1\".")]
    public async Task AddAsync_BadInput_ExplainsAndStoresNothing(string name, string master, string message)
    {
        await using var console = await RunningConsole.StartAsync(RunningConsole.RemoteConfiguration());
        var catalog = console.Console.App.Services.GetRequiredService<IClusterCatalog>();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => catalog.AddAsync(name, [new Uri(master)], Token));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Single(catalog.Clusters);
    }

    [Fact]
    public async Task RemoveAsync_StoredCluster_EndsItsWatchAndSelectionsFallBackToTheDefault()
    {
        await using var console = await RunningConsole.StartAsync(RunningConsole.RemoteConfiguration());
        var catalog = console.Console.App.Services.GetRequiredService<IClusterCatalog>();
        var lab = await catalog.AddAsync("lab", [new Uri("http://127.0.0.1:2")], Token);
        await using var scope = console.Console.App.Services.CreateAsyncScope();
        var selection = scope.ServiceProvider.GetRequiredService<ClusterSelection>();
        Assert.True(selection.Select("lab"));
        var watch = lab.State.WatchAsync(Token).GetAsyncEnumerator(Token);
        Assert.True(await watch.MoveNextAsync());

        Assert.True(await catalog.RemoveAsync("lab", Token));

        Assert.Null(catalog.Find("lab"));
        Assert.Same(catalog.Default, selection.Current);
        // The removed cluster's store is disposed: its watchers' streams end.
        while (await watch.MoveNextAsync())
        {
        }

        Assert.False(await catalog.RemoveAsync(ClusterInfo.DefaultId, Token));
        await watch.DisposeAsync();
    }

    private static Dictionary<string, string?> WithDatabase(Dictionary<string, string?> configuration, string database)
    {
        configuration["ConnectionStrings:Console"] = database;
        return configuration;
    }
}
