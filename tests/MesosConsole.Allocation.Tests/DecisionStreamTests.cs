using static MesosConsole.Allocation.Tests.AllocatorHarness;

namespace MesosConsole.Allocation.Tests;

public class DecisionStreamTests
{
    [Fact]
    public void Decision_Offers_ReportTheDominantShareBeforeEachOffer()
    {
        using var h = new AllocatorHarness(observeDecisions: true).Framework("f1").Agent("a1", "cpus:1;mem:1024").Agent("a2", "cpus:1;mem:1024");

        h.Cycle();

        var offers = h.Decisions.OfType<OfferMade>().ToList();
        Assert.Equal([("a1", 0.0), ("a2", 0.5)], offers.Select(o => (o.AgentId, o.DominantShareBefore)));
        Assert.Equal(
            "Offered cpus:1; mem:1024 on agent a1 to framework f1 (role *): its dominant share, 0%, was the lowest among those that could take it.",
            offers[0].Describe());
    }

    [Fact]
    public void Decision_Cycle_EndsWithCycleCompletedCountingOffers()
    {
        using var h = new AllocatorHarness(observeDecisions: true).Framework("f1").Agent("a1", "cpus:1;mem:1024").Agent("a2", "cpus:1;mem:1024");

        h.Cycle();

        var completed = Assert.IsType<CycleCompleted>(h.Decisions[^1]);
        Assert.Equal(2, completed.OffersMade);
    }

    [Fact]
    public void Decision_Decline_ReportsFilterAddedWithItsExpiry()
    {
        using var h = new AllocatorHarness(observeDecisions: true).Framework("f1").Agent("a1", "cpus:1;mem:1024");

        h.Decline(Assert.Single(h.Cycle()), TimeSpan.FromSeconds(10));

        var added = Assert.Single(h.Decisions.OfType<FilterAdded>());
        Assert.Equal(("f1", "a1", "*", R("cpus:1;mem:1024")), (added.FrameworkId, added.AgentId, added.Role, added.Refused));
        Assert.Equal(Epoch.AddSeconds(10), added.Expires);
    }

    [Fact]
    public void Decision_FilteredFramework_ReportedWithReason()
    {
        using var h = new AllocatorHarness(observeDecisions: true).Framework("f1").Agent("a1", "cpus:1;mem:1024");
        h.Decline(Assert.Single(h.Cycle()), TimeSpan.FromSeconds(10));

        h.Cycle();

        var skipped = Assert.Single(h.Decisions.OfType<AgentFilteredOut>());
        Assert.Equal(("f1", "a1"), (skipped.FrameworkId, skipped.AgentId));
        Assert.Equal("it refused cpus:1; mem:1024 here until 12:00:10 and the agent has nothing more to offer", skipped.Reason);
    }

    [Fact]
    public void Decision_FilterTimeUp_ReportsFilterExpiredAtTheNextCycle()
    {
        using var h = new AllocatorHarness(observeDecisions: true).Framework("f1").Agent("a1", "cpus:1;mem:1024");
        h.Decline(Assert.Single(h.Cycle()), TimeSpan.FromSeconds(10));
        h.Time.Advance(TimeSpan.FromSeconds(10));

        h.Cycle();

        var expired = Assert.Single(h.Decisions.OfType<FilterExpired>());
        Assert.Equal(("f1", "a1", Epoch.AddSeconds(10)), (expired.FrameworkId, expired.AgentId, expired.At));
    }

    [Fact]
    public void Decision_SuppressAndRevive_NameTheRoles()
    {
        using var h = new AllocatorHarness(observeDecisions: true).Framework("f1", "a", "b");

        h.Allocator.Suppress("f1", ["b"]);
        h.Allocator.Revive("f1");

        Assert.Equal(["b"], Assert.Single(h.Decisions.OfType<FrameworkSuppressed>()).Roles);
        Assert.Equal(["a", "b"], Assert.Single(h.Decisions.OfType<FrameworkRevived>()).Roles);
    }
}
