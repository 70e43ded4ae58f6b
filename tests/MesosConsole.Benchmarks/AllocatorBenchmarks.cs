using BenchmarkDotNet.Attributes;
using MesosConsole.Allocation;

namespace MesosConsole.Benchmarks;

/// <summary>
/// One allocation cycle on 10,000 agents and 1,000 frameworks that have all finished their work and
/// decline everything, in the shape of Mesos' <c>HierarchicalAllocator_BENCHMARK_Test.DeclineOffers</c>
/// (Mesos 1.8 needs about a second per cycle at this size).
/// <para>
/// Setup, as in Mesos: every framework subscribes to role <c>*</c>; every agent has
/// <c>cpus:24;mem:4096;disk:4096;ports:[31000-32000]</c> and already runs 16 one-cpu tasks of one
/// framework (agent i → framework i mod 1,000; 16 scattered ports, so availability is a
/// fragmented port list). Then rounds of "run a cycle, decline every offer with the longest filter"
/// repeat until a cycle offers nothing: each round every agent goes to some framework that has not
/// refused it yet, so after 1,000 rounds each of the 10 million (framework, agent) pairs holds a
/// refusal filter and nothing is allocated beyond the running tasks.
/// </para>
/// <para>
/// Measured: the next cycle in that steady state, which must still conclude that no framework can
/// take any agent. <see cref="SteadyStateCycle"/> is the cycle as it runs; <see cref="FullEvaluationCycle"/>
/// first discards the allocator's cached verdicts (what any framework activation does), so it checks all
/// 10 million filters: the worst case the cache saves us from.
/// </para>
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AllocatorBenchmarks
{
    private const int AgentCount = 10_000;
    private const int FrameworkCount = 1_000;
    private const string Role = "*";
    private static readonly TimeSpan Forever = RefusalFilterDuration.Maximum;

    private HierarchicalAllocator _allocator = null!;

    [GlobalSetup]
    public void DeclineUntilEveryFrameworkRefusedEveryAgent()
    {
        _allocator = new HierarchicalAllocator(new AllocatorOptions { AllocationInterval = TimeSpan.FromHours(1) }, TimeProvider.System, _ => { });
        for (var f = 0; f < FrameworkCount; f++)
        {
            _allocator.AddFramework(FrameworkId(f), [Role]);
        }

        var total = Resources.Parse("cpus:24;mem:4096;disk:4096;ports:[31000-32000]");
        var runningTasks = Resources.Parse("cpus:16;mem:2014;disk:1024")
            .WithRanges("ports", Enumerable.Range(0, 16).Select(i => new ValueRange(31000 + (ulong)i * 61, 31000 + (ulong)i * 61)));
        for (var a = 0; a < AgentCount; a++)
        {
            var agentId = $"agent-{a}";
            _allocator.AddAgent(agentId, total, [new OfferAllocation(FrameworkId(a % FrameworkCount), agentId, Role, runningTasks)]);
        }

        var rounds = 0;
        for (var offers = _allocator.RunCycle(); offers.Count > 0; offers = _allocator.RunCycle())
        {
            foreach (var offer in offers)
            {
                _allocator.RecoverResources(offer.FrameworkId, offer.AgentId, offer.Role, offer.Resources, Forever);
            }

            rounds++;
        }

        if (rounds != FrameworkCount)
        {
            throw new InvalidOperationException($"Expected every framework to refuse every agent after {FrameworkCount} rounds, took {rounds}.");
        }
    }

    [Benchmark(Baseline = true)]
    public int SteadyStateCycle() => _allocator.RunCycle().Count;

    [Benchmark]
    public int FullEvaluationCycle()
    {
        _allocator.ForgetCachedVerdicts();
        return _allocator.RunCycle().Count;
    }

    [GlobalCleanup]
    public void Cleanup() => _allocator.Dispose();

    private static string FrameworkId(int index) => $"framework-{index:D4}";
}
