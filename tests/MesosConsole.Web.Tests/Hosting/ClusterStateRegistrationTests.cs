using MesosConsole.Mesos.Client;
using MesosConsole.Web.Cluster;
using MesosConsole.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MesosConsole.Web.Tests.Hosting;

/// <summary>The whole app's one cluster subscription: started with the host, shared, ended on stop.</summary>
public sealed class ClusterStateRegistrationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_SubscribesOnceAndFeedsTheSnapshotToEveryWatcher()
    {
        var master = new FakeOperatorClient();
        await using var console = await RunningConsole.StartAsync(RunningConsole.RemoteConfiguration(),
            services => services.AddSingleton<IMesosOperatorClient>(master));
        var feed = console.Console.App.Services.GetRequiredService<IClusterStateFeed>();

        await master.Events.Writer.WriteAsync(Mock.Subscribed(Mock.State(activeAgents: 3)), Token);
        var snapshot = await feed.WatchAsync(Token).FirstAsync(s => s.Connected, Token);

        Assert.Equal(3, snapshot.Agents.Count);
        Assert.Equal(Mock.MasterId, snapshot.Leader?.Id);
        Assert.Same(feed, console.Console.App.Services.GetServices<IHostedService>().OfType<ClusterStateService>().Single());
    }

    [Fact]
    public async Task Stop_EndsEveryWatch()
    {
        var master = new FakeOperatorClient();
        var console = await RunningConsole.StartAsync(RunningConsole.RemoteConfiguration(),
            services => services.AddSingleton<IMesosOperatorClient>(master));
        var feed = console.Console.App.Services.GetRequiredService<IClusterStateFeed>();
        var watch = feed.WatchAsync(Token).CountAsync(Token).AsTask();

        await console.DisposeAsync();

        Assert.True(await watch >= 1);
    }
}
