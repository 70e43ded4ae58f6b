using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using MesosConsole.Benchmarks;

// Every public benchmark class in this assembly is picked up; choose with --filter, e.g.
//   dotnet run -c Release --project tests/MesosConsole.Benchmarks -- --filter '*Allocator*'
// `-- state-probe` instead times the state endpoints once cold (every task serialized afresh) and
// then warm, which BenchmarkDotNet's repeated iterations cannot show.
// `-- fanout-probe` measures the latency percentiles of task updates from the master to 20 SignalR
// clients of the console's hub under 1,000 transitions/s (a latency distribution, not a mean).
if (args is ["state-probe"])
{
    StateProbe.Run();
    return;
}

if (args is ["fanout-probe", ..])
{
    await FanOutProbe.RunAsync(args.Skip(1).ToArray());
    return;
}

// The benchmarks keep the workstation GC they were first measured with, whatever the host process uses.
BenchmarkSwitcher.FromAssembly(typeof(AllocatorBenchmarks).Assembly)
    .Run(args, DefaultConfig.Instance.AddJob(Job.Default.WithGcServer(false).AsDefault()));
