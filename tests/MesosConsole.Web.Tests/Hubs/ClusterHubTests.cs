using MesosConsole.LocalCluster.Hosting;
using MesosConsole.LocalCluster.Tests.Support;
using MesosConsole.Mesos.V1;
using MesosConsole.Web.Cluster;
using MesosConsole.Web.Hubs;
using MesosConsole.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace MesosConsole.Web.Tests.Hubs;

/// <summary>The hub from a .NET SignalR client, on the embedded cluster, over real HTTP.</summary>
public sealed class ClusterHubTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StreamTaskUpdates_AFrameworkLaunchesATask_TheClientReceivesItsRunningUpdate()
    {
        await using var console = await RunningConsole.StartAsync(new Dictionary<string, string?>
        {
            ["Cluster:Mode"] = "Embedded",
            ["LocalCluster:MasterPort"] = "0",
            ["LocalCluster:FirstAgentPort"] = "0",
            ["LocalCluster:Agents"] = "1",
        });
        var cluster = await console.Console.App.Services.GetRequiredService<LocalClusterHostedService>().Started.WaitAsync(Token);
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(console.Http.BaseAddress!, ClusterHub.Path)).Build();
        await hub.StartAsync(Token);
        await using var updates = hub.StreamAsync<TaskUpdate>(nameof(ClusterHub.StreamTaskUpdates), ClusterInfo.DefaultId, Token).GetAsyncEnumerator(Token);

        await using var scheduler = await TestScheduler.SubscribeAsync(cluster.MasterUrl, new FrameworkInfo { User = "tester", Name = "hub-test" });
        var offer = (await scheduler.NextOffersAsync()).First();
        using var launch = await scheduler.LaunchAsync(offer, TestScheduler.CommandTask("sleeper", offer.AgentId!, "sleep 1000"));
        launch.EnsureSuccessStatusCode();

        TaskUpdate? running = null;
        while (running is null && await updates.MoveNextAsync())
        {
            running = updates.Current is { TaskId: "sleeper", State: "TASK_RUNNING" } update ? update : null;
        }

        Assert.Equal(scheduler.FrameworkId.Value, running?.FrameworkId);
        Assert.Equal(offer.AgentId!.Value, running?.AgentId);

        // Leave no sleeping process behind: tear the framework down (its task is killed).
        using var teardown = await scheduler.CallAsync(new MesosConsole.Mesos.V1.Scheduler.Call { Type = MesosConsole.Mesos.V1.Scheduler.CallType.Teardown });
        teardown.EnsureSuccessStatusCode();
    }
}
