using MesosConsole.LocalCluster.Hosting;
using MesosConsole.Mesos.V1;
using MesosConsole.Web.Cluster;
using MesosConsole.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MesosConsole.Web.Tests.Demo;

/// <summary>The newcomer's first command: with the demo framework on, the console has a framework, a running task and its output.</summary>
public sealed class DemoFrameworkTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DemoFramework_On_RunsOneTickerTaskWhoseStdoutGrows()
    {
        await using var console = await RunningConsole.StartAsync(new Dictionary<string, string?>
        {
            ["Cluster:Mode"] = "Embedded",
            ["LocalCluster:MasterPort"] = "0",
            ["LocalCluster:FirstAgentPort"] = "0",
            ["LocalCluster:Agents"] = "2",
            ["LocalCluster:DemoFramework"] = "true",
        });
        var cluster = await console.Console.App.Services.GetRequiredService<LocalClusterHostedService>().Started.WaitAsync(Token);
        var feed = console.Console.App.Services.GetRequiredService<IClusterCatalog>().Default.State;

        await foreach (var snapshot in feed.WatchAsync(Token))
        {
            var demo = snapshot.Frameworks.Values.FirstOrDefault(f => f.Name == DemoFramework.FrameworkName);
            if (demo is not null && snapshot.Tasks.Values.Any(t => t.FrameworkId == demo.Id && t.Name == "ticker-1" && t.State == TaskState.TaskRunning))
            {
                Assert.Single(snapshot.Tasks.Values, t => t.FrameworkId == demo.Id && !t.IsTerminal);
                break;
            }
        }

        // The task writes its first line at once; its sandbox's stdout is where the console tails it from.
        var stdout = Directory.EnumerateFiles(cluster.WorkDir, "stdout", SearchOption.AllDirectories)
            .Single(path => path.Contains("ticker-1", StringComparison.Ordinal) && !path.Contains("latest", StringComparison.Ordinal));
        using var changed = new FileSystemWatcher(Path.GetDirectoryName(stdout)!, "stdout") { EnableRaisingEvents = true };
        var written = new TaskCompletionSource();
        changed.Changed += (_, _) => written.TrySetResult();
        if (!(await File.ReadAllTextAsync(stdout, Token)).Contains("tick 1:", StringComparison.Ordinal))
        {
            await written.Task.WaitAsync(TimeSpan.FromSeconds(30), Token);
        }

        Assert.Contains("tick 1: a line every 2 s from the demo framework's task", await File.ReadAllTextAsync(stdout, Token), StringComparison.Ordinal);
    }
}
