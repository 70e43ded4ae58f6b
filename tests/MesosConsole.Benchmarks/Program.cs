using BenchmarkDotNet.Running;

// Every public benchmark class in this assembly is picked up; choose with --filter, e.g.
//   dotnet run -c Release --project tests/MesosConsole.Benchmarks -- --filter '*Allocator*'
BenchmarkSwitcher.FromAssembly(typeof(MesosConsole.Benchmarks.AllocatorBenchmarks).Assembly).Run(args);
