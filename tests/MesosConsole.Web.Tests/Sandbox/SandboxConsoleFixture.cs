using MesosConsole.LocalCluster.Hosting;
using MesosConsole.LocalCluster.Tests.Support;
using MesosConsole.Mesos.State;
using MesosConsole.Mesos.V1;
using MesosConsole.Web.Cluster;
using MesosConsole.Web.Sandbox;
using MesosConsole.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MesosConsole.Web.Tests.Sandbox;

/// <summary>
/// The whole console on the embedded cluster (one agent) with one real task that writes
/// <see cref="FirstLines"/> numbered lines to stdout, then waits for a file named <c>go</c> in its
/// sandbox and writes <c>after-go</c>. Shared by the tests of one class; the task is torn down at the end.
/// </summary>
public sealed class SandboxConsoleFixture : IAsyncLifetime
{
    public const int FirstLines = 50;
    public const string TaskId = "writer";

    private const string Command =
        "i=1; while [ $i -le 50 ]; do echo line-$i; i=$((i+1)); done; " +
        "while [ ! -e go ]; do sleep 0.05; done; echo after-go; sleep 1000";

    private RunningConsole? _console;
    private TestScheduler? _scheduler;

    public RunningConsole Console => _console!;

    public IConsoleCluster Cluster { get; private set; } = null!;

    public TaskSandbox Sandbox { get; private set; } = null!;

    public SandboxTailers Tailers => Console.Console.App.Services.GetRequiredService<SandboxTailers>();

    public async ValueTask InitializeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        _console = await RunningConsole.StartAsync(new Dictionary<string, string?>
        {
            ["Cluster:Mode"] = "Embedded",
            ["LocalCluster:MasterPort"] = "0",
            ["LocalCluster:FirstAgentPort"] = "0",
            ["LocalCluster:Agents"] = "1",
        });
        var services = _console.Console.App.Services;
        var cluster = await services.GetRequiredService<LocalClusterHostedService>().Started.WaitAsync(token);
        _scheduler = await TestScheduler.SubscribeAsync(cluster.MasterUrl, new FrameworkInfo { User = "tester", Name = "sandbox-test" });
        var offer = (await _scheduler.NextOffersAsync()).First();
        using var launch = await _scheduler.LaunchAsync(offer, TestScheduler.CommandTask(TaskId, offer.AgentId!, Command));
        launch.EnsureSuccessStatusCode();
        await _scheduler.NextUpdateAckingAsync(TaskId, s => s.State == TaskState.TaskRunning);

        Cluster = services.GetRequiredService<IClusterCatalog>().Default;
        var key = new TaskKey(_scheduler.FrameworkId.Value, TaskId);
        await foreach (var snapshot in Cluster.State.WatchAsync(token))
        {
            if (snapshot.Tasks.TryGetValue(key, out var task) && task.State == TaskState.TaskRunning)
            {
                break;
            }
        }

        Sandbox = await services.GetRequiredService<SandboxLocator>().LocateAsync(Cluster, key, token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_scheduler is not null)
        {
            using var teardown = await _scheduler.CallAsync(new Mesos.V1.Scheduler.Call { Type = Mesos.V1.Scheduler.CallType.Teardown });
            await _scheduler.DisposeAsync();
        }

        if (_console is not null)
        {
            await _console.DisposeAsync();
        }
    }
}
