using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MesosConsole.LocalCluster.Hosting;
using MesosConsole.LocalCluster.Tests.Support;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Scheduler;
using TaskState = MesosConsole.Mesos.V1.TaskState;

namespace MesosConsole.Benchmarks;

/// <summary>
/// End to end: a framework on the scheduler API launches 10,000 <c>true</c> tasks on one agent of the
/// embedded cluster and acknowledges every update until all are TASK_FINISHED (none may be lost).
/// Beside it, the machine's raw spawn rate of <c>true</c>, so the ratio can be read. Target ≥ 500 tasks/s.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[Config(typeof(LongRunningInProcess))]
[MedianColumn]
public class TaskLaunchBenchmarks
{
    private const int Tasks = 10_000;
    private EmbeddedCluster _cluster = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _cluster = await EmbeddedCluster.StartAsync(new LocalClusterOptions
        {
            MasterPort = 0,
            FirstAgentPort = 0,
            Agents = 1,
            Resources = "cpus:200;mem:1000000;disk:1000000;ports:[31000-32000]",
            AllocationIntervalSeconds = 0.05,
            StatusUpdateRetrySeconds = 600,
        });
    }

    [GlobalCleanup]
    public async Task Cleanup() => await _cluster.DisposeAsync();

    [Benchmark(Description = "launch 10,000 `true` tasks through the scheduler API, all FINISHED")]
    public async Task<int> LaunchTrueTasks()
    {
        await using var scheduler = await TestScheduler.SubscribeAsync(_cluster.MasterUrl, new FrameworkInfo { User = "bench", Name = "launcher" });
        var next = 0;
        var finished = 0;
        while (finished < Tasks)
        {
            var e = await scheduler.NextAsync(e => e.Type is EventType.Offers or EventType.Update, TimeSpan.FromMinutes(5));
            if (e.Type == EventType.Offers)
            {
                foreach (var offer in e.Offers!.Offers!)
                {
                    // As many as the offer holds (0.01 cpus and 1 MB each), at most 2,000 per ACCEPT.
                    var cpus = offer.Resources!.Where(r => r.Name == "cpus").Sum(r => r.Scalar!.Value ?? 0);
                    var mem = offer.Resources!.Where(r => r.Name == "mem").Sum(r => r.Scalar!.Value ?? 0);
                    var count = (int)Math.Min(Math.Min(Tasks - next, 2_000), Math.Min(Math.Floor((cpus * 100) + 1e-6), Math.Floor(mem)));
                    var batch = Enumerable.Range(next, count)
                        .Select(i => TestScheduler.CommandTask($"t{i}", offer.AgentId!, "true", cpus: 0.01, mem: 1)).ToArray();
                    next += count;
                    await (count > 0 ? scheduler.LaunchAsync(offer, batch) : scheduler.DeclineAsync(offer));
                }

                continue;
            }

            var status = e.Update!.Status!;
            if (status.Uuid is not null)
            {
                await scheduler.AcknowledgeAsync(status);
            }

            if (status.State == TaskState.TaskFinished)
            {
                finished++;
            }
            else if (TaskStates.IsTerminal(status.State!.Value))
            {
                throw new InvalidOperationException($"Task {status.TaskId!.Value} ended {status.State}: {status.Message}");
            }
        }

        await scheduler.CallAsync(new Call { Type = CallType.Teardown });
        return finished;
    }

    [Benchmark(Baseline = true, Description = "raw spawn of 10,000 `true` processes (4 at a time)")]
    public async Task<int> SpawnTrueProcesses()
    {
        var spawned = 0;
        await Parallel.ForAsync(0, Tasks, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (_, ct) =>
        {
            using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
            await process.WaitForExitAsync(ct);
            Interlocked.Increment(ref spawned);
        });
        return spawned;
    }
}

/// <summary>Lets these multi-second benchmarks run with --inProcess (whose default timeout is shorter than a run).</summary>
public sealed class LongRunningInProcess : ManualConfig
{
    public LongRunningInProcess() =>
        AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(20), logOutput: false)).AsMutator());
}
