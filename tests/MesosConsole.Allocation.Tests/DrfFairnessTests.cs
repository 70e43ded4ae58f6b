using static MesosConsole.Allocation.Tests.AllocatorHarness;

namespace MesosConsole.Allocation.Tests;

public class DrfFairnessTests
{
    [Fact]
    public void RunCycle_FrameworkWithLowerDominantShare_GetsTheFreeAgent()
    {
        // Cluster 9 cpus / 18 GB. f1 holds <3 cpus, 12 GB> → shares <0.33, 0.67>, dominant 0.67 (mem);
        // f2 holds <5 cpus, 2 GB> → <0.56, 0.11>, dominant 0.56 (cpus). f2 is further below its fair share.
        using var h = new AllocatorHarness().Framework("f1").Framework("f2");
        h.Allocator.AddAgent("busy1", R("cpus:3;mem:12288"), [new("f1", "busy1", "*", R("cpus:3;mem:12288"))]);
        h.Allocator.AddAgent("busy2", R("cpus:5;mem:2048"), [new("f2", "busy2", "*", R("cpus:5;mem:2048"))]);
        h.Agent("free", "cpus:1;mem:4096");

        Assert.Equal(["f2→free"], h.CyclePairs());
    }

    [Fact]
    public void GetShares_WorkedExample_ReportsPerKindAndDominantShares()
    {
        using var h = new AllocatorHarness().Framework("f1").Framework("f2");
        h.Allocator.AddAgent("busy1", R("cpus:3;mem:12288"), [new("f1", "busy1", "*", R("cpus:3;mem:12288"))]);
        h.Allocator.AddAgent("busy2", R("cpus:6;mem:2048"), [new("f2", "busy2", "*", R("cpus:6;mem:2048"))]);
        h.Agent("free", "mem:4096");

        var f1 = h.ShareOf("f1");
        var f2 = h.ShareOf("f2");

        Assert.Equal(1.0 / 3, f1.Shares["cpus"], 6);
        Assert.Equal(2.0 / 3, f1.Shares["mem"], 6);
        Assert.Equal(2.0 / 3, f1.DominantShare, 6);
        Assert.Equal(2.0 / 3, f2.Shares["cpus"], 6);
        Assert.Equal(2048.0 / 18432, f2.Shares["mem"], 6);
        Assert.Equal(R("cpus:6;mem:2048"), f2.Allocated);
    }

    [Fact]
    public void RunCycle_TwoFrameworksSameNeeds_AlternateAgents()
    {
        using var h = new AllocatorHarness().Framework("f1").Framework("f2");
        foreach (var agent in new[] { "a1", "a2", "a3", "a4" })
        {
            h.Agent(agent, "cpus:2;mem:2048");
        }

        Assert.Equal(["f1→a1", "f2→a2", "f1→a3", "f2→a4"], h.CyclePairs());
    }

    [Fact]
    public void RunCycle_TiedShares_FewerAllocationsSoFarGoesFirst()
    {
        using var h = new AllocatorHarness().Framework("f1").Framework("f2")
            .Agent("a1", "cpus:1;mem:1024").Agent("a2", "cpus:1;mem:1024").Agent("a3", "cpus:1;mem:1024");
        var first = h.Cycle(); // f1 gets a1 and a3, f2 gets a2: f1 has had two allocations, f2 one
        h.DeclineAll(first, refuseFor: null);

        // Everyone is back to zero share; f2 has been offered less, so it goes first now.
        Assert.Equal(["f2→a1", "f1→a2", "f2→a3"], h.CyclePairs());
    }

    [Fact]
    public void RunCycle_RoleWithLowerShare_IsServedFirstWhateverItsFrameworksHold()
    {
        // Role "web" holds 4 of 10 cpus across two frameworks (0.2 each); role "batch" holds 3 in one
        // framework (0.3). The lower role wins even though its framework's own share is higher.
        using var h = new AllocatorHarness().Framework("w1", "web").Framework("w2", "web").Framework("b1", "batch");
        h.Allocator.AddAgent("h1", R("cpus:2"), [new("w1", "h1", "web", R("cpus:2"))]);
        h.Allocator.AddAgent("h2", R("cpus:2"), [new("w2", "h2", "web", R("cpus:2"))]);
        h.Allocator.AddAgent("h3", R("cpus:3"), [new("b1", "h3", "batch", R("cpus:3"))]);
        h.Agent("free", "cpus:3");

        var offer = Assert.Single(h.Cycle());

        Assert.Equal(("b1", "batch"), (offer.FrameworkId, offer.Role));
    }

    [Fact]
    public void RunCycle_Offer_IsEverythingTheAgentHasAvailable()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096;disk:100;ports:[31000-32000]");

        var offer = Assert.Single(h.Cycle());

        Assert.Equal(R("cpus:4;mem:4096;disk:100;ports:[31000-32000]"), offer.Resources);
    }

    [Fact]
    public void RunCycle_OfferedResources_CountAsAllocatedUntilRecovered()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");
        var offer = Assert.Single(h.Cycle());

        Assert.Empty(h.Cycle());
        Assert.Equal(1.0, h.ShareOf("f1").DominantShare);

        h.Decline(offer, refuseFor: null);

        Assert.Equal(0.0, h.ShareOf("f1").DominantShare);
        Assert.Single(h.Cycle());
    }

    [Fact]
    public void RunCycle_PartOfOfferRecovered_OffersOnlyThatPart()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096;ports:[1-10]");
        h.Cycle();

        h.Allocator.RecoverResources("f1", "a1", "*", R("cpus:1;mem:1024;ports:[4-5]"), refuseFor: null);

        Assert.Equal(R("cpus:1;mem:1024;ports:[4-5]"), Assert.Single(h.Cycle()).Resources);
    }

    [Fact]
    public void RecoverResources_MoreThanHeld_ReturnsOnlyWhatWasHeld()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");
        h.Cycle();

        h.Allocator.RecoverResources("f1", "a1", "*", R("cpus:40;mem:40960;ports:[1-100]"), refuseFor: null);

        Assert.Equal(R("cpus:4;mem:4096"), h.AgentView("a1").Available);
    }
}
