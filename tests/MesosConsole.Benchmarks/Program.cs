using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "probe")
{
    var b = new MesosConsole.Benchmarks.StateBenchmarks();
    b.Setup();
    for (var i = 0; i < 4; i++)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var n = b.MasterStateJson();
        var t1 = sw.ElapsedMilliseconds;
        sw.Restart();
        var m = b.GetStateJson();
        Console.WriteLine($"state {n} bytes {t1} ms; get_state {m} bytes {sw.ElapsedMilliseconds} ms");
    }
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(MesosConsole.Benchmarks.AllocatorBenchmarks).Assembly).Run(args);
