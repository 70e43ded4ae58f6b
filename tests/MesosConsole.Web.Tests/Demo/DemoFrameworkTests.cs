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

    /// <summary>The ticker's first stdout line, once it has been written.</summary>
    private static string? FirstTick(string workDir) => Directory.EnumerateFiles(workDir, "stdout", SearchOption.AllDirectories)
        .Where(path => path.Contains("ticker-1", StringComparison.Ordinal))
        .SelectMany(path => File.ReadLines(path).Take(1))
        .FirstOrDefault(line => line.StartsWith("tick 1:", StringComparison.Ordinal));

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

        // The task's shell creates stdout in the sandbox just after the agent reports it running, then
        // writes its first line at once: wait for both on file-system events, not on a clock.
        using var watcher = new FileSystemWatcher(cluster.WorkDir, "stdout") { IncludeSubdirectories = true, EnableRaisingEvents = true };
        using var touched = new SemaphoreSlim(0);
        watcher.Created += (_, _) => touched.Release();
        watcher.Changed += (_, _) => touched.Release();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (FirstTick(cluster.WorkDir) is null)
        {
            await touched.WaitAsync(deadline.Token);
        }

        Assert.Equal("tick 1: a line every 2 s from the demo framework's task", FirstTick(cluster.WorkDir));
    }
}
