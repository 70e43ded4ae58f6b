using System.Diagnostics;

namespace MesosConsole.Benchmarks;

/// <summary>Cold and warm timings of /master/state and GET_STATE on the <see cref="StateBenchmarks"/> cluster.</summary>
internal static class StateProbe
{
    public static void Run()
    {
        var benchmarks = new StateBenchmarks();
        benchmarks.Setup();
        for (var round = 0; round < 4; round++)
        {
            var clock = Stopwatch.StartNew();
            var state = benchmarks.MasterStateJson();
            var stateTime = clock.Elapsed;
            clock.Restart();
            var getState = benchmarks.GetStateJson();
            Console.WriteLine($"{(round == 0 ? "cold" : "warm")}: /master/state {state:N0} bytes in {stateTime.TotalMilliseconds:N0} ms; " +
                $"GET_STATE {getState:N0} bytes in {clock.Elapsed.TotalMilliseconds:N0} ms");
        }

        benchmarks.Cleanup();
    }
}
