using Microsoft.Extensions.Time.Testing;

namespace MesosConsole.Allocation.Tests;

/// <summary>
/// An allocator on a <see cref="FakeTimeProvider"/> that records every offer callback and, when
/// asked, every decision; with one-line helpers in the Mesos test style (<c>"cpus:2;mem:1024"</c>).
/// </summary>
internal sealed class AllocatorHarness : IDisposable
{
    public static readonly DateTimeOffset Epoch = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public AllocatorHarness(AllocatorOptions? options = null, bool observeDecisions = false)
    {
        Allocator = new HierarchicalAllocator(options ?? new AllocatorOptions(), Time, Callbacks.Add);
        if (observeDecisions)
        {
            Allocator.Decision += Decisions.Add;
        }
    }

    public FakeTimeProvider Time { get; } = new(Epoch);

    public HierarchicalAllocator Allocator { get; }

    /// <summary>Each offer callback's batch, in order.</summary>
    public List<IReadOnlyList<OfferAllocation>> Callbacks { get; } = [];

    public List<AllocatorEvent> Decisions { get; } = [];

    public static Resources R(string text) => Resources.Parse(text);

    public AllocatorHarness Agent(string id, string resources)
    {
        Allocator.AddAgent(id, R(resources));
        return this;
    }

    public AllocatorHarness Framework(string id, params string[] roles)
    {
        Allocator.AddFramework(id, roles.Length == 0 ? ["*"] : roles);
        return this;
    }

    public IReadOnlyList<OfferAllocation> Cycle() => Allocator.RunCycle();

    /// <summary>Runs a cycle and returns "framework→agent" pairs, which reads well in assertions.</summary>
    public string[] CyclePairs() => [.. Cycle().Select(o => $"{o.FrameworkId}→{o.AgentId}")];

    public void Decline(OfferAllocation offer, TimeSpan? refuseFor) =>
        Allocator.RecoverResources(offer.FrameworkId, offer.AgentId, offer.Role, offer.Resources, refuseFor);

    public void DeclineAll(IEnumerable<OfferAllocation> offers, TimeSpan? refuseFor)
    {
        foreach (var offer in offers)
        {
            Decline(offer, refuseFor);
        }
    }

    public AgentAllocations AgentView(string id) => Allocator.GetAgents().Single(a => a.AgentId == id);

    public FrameworkShare ShareOf(string frameworkId) => Allocator.GetShares().Single(s => s.FrameworkId == frameworkId);

    public void Dispose() => Allocator.Dispose();
}
