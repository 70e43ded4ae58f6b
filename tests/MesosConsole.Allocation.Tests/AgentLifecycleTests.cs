using static MesosConsole.Allocation.Tests.AllocatorHarness;

namespace MesosConsole.Allocation.Tests;

public class AgentLifecycleTests
{
    [Fact]
    public void RemoveAgent_AllocationsOnItDisappear()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096").Agent("a2", "cpus:1;mem:1024");
        Assert.Equal(["f1→a1", "f1→a2"], h.CyclePairs());

        h.Allocator.RemoveAgent("a1");

        Assert.Equal(R("cpus:1;mem:1024"), h.ShareOf("f1").Allocated);
        Assert.Equal(1.0, h.ShareOf("f1").DominantShare);
        Assert.Equal(["a2"], h.Allocator.GetAgents().Select(a => a.AgentId));
    }

    [Fact]
    public void RemoveAgent_NextCyclesNeverOfferIt()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096").Agent("a2", "cpus:1;mem:1024");
        var offers = h.Cycle();

        h.Allocator.RemoveAgent("a1");
        h.DeclineAll(offers, refuseFor: null); // the master's late decline of a1's offer is ignored

        Assert.Equal(["f1→a2"], h.CyclePairs());
    }

    [Fact]
    public void AddAgent_WithUsedResources_CountsThemAndOffersOnlyTheRest()
    {
        using var h = new AllocatorHarness().Framework("f1").Framework("f2");

        h.Allocator.AddAgent("a1", R("cpus:4;mem:4096;ports:[1-10]"), [new("f1", "a1", "*", R("cpus:1;mem:1024;ports:[1-2]"))]);

        Assert.Equal(R("cpus:1;mem:1024;ports:[1-2]"), h.ShareOf("f1").Allocated);
        var offer = Assert.Single(h.Cycle());
        Assert.Equal(("f2", R("cpus:3;mem:3072;ports:[3-10]")), (offer.FrameworkId, offer.Resources));
    }

    [Fact]
    public void AddAgent_UsedByUnknownFramework_Throws()
    {
        using var h = new AllocatorHarness();

        var error = Assert.Throws<InvalidOperationException>(() =>
            h.Allocator.AddAgent("a1", R("cpus:4"), [new("ghost", "a1", "*", R("cpus:1"))]));

        Assert.Contains("ghost", error.Message, StringComparison.Ordinal);
        Assert.Empty(h.Allocator.GetAgents());
    }

    [Fact]
    public void AddAgent_UsedBeyondTotal_Throws()
    {
        using var h = new AllocatorHarness().Framework("f1");

        Assert.Throws<ArgumentException>(() =>
            h.Allocator.AddAgent("a1", R("cpus:4"), [new("f1", "a1", "*", R("cpus:3")), new("f1", "a1", "*", R("cpus:2"))]));
    }

    [Fact]
    public void AddAgent_ExistingId_Throws()
    {
        using var h = new AllocatorHarness().Agent("a1", "cpus:1");

        Assert.Throws<InvalidOperationException>(() => h.Agent("a1", "cpus:2"));
    }

    [Theory]
    [InlineData("cpus:0.009;mem:31.999", false)]
    [InlineData("disk:1000;ports:[1-100]", false)]
    [InlineData("cpus:0.01", true)]
    [InlineData("mem:32", true)]
    public void RunCycle_AgentAvailability_IsOfferedOnlyAboveMinAllocatable(string available, bool offered)
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", available);

        Assert.Equal(offered, h.Cycle().Count == 1);
    }

    [Fact]
    public void RunCycle_LeftoverBelowMinAllocatable_IsNotOffered()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");
        h.Cycle();

        h.Allocator.RecoverResources("f1", "a1", "*", R("cpus:0.005;mem:16"), refuseFor: null);

        Assert.Empty(h.Cycle());
    }
}
