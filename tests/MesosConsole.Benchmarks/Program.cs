using BenchmarkDotNet.Running;
using MesosConsole.Benchmarks;

// Every public benchmark class in this assembly is picked up; choose with --filter, e.g.
//   dotnet run -c Release --project tests/MesosConsole.Benchmarks -- --filter '*Allocator*'
// `-- state-probe` instead times the state endpoints once cold (every task serialized afresh) and
// then warm, which BenchmarkDotNet's repeated iterations cannot show.
if (args is ["state-probe"])
{
    StateProbe.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(AllocatorBenchmarks).Assembly).Run(args);
