using static MesosConsole.Allocation.Tests.AllocatorHarness;

namespace MesosConsole.Allocation.Tests;

public class FrameworkLifecycleTests
{
    [Fact]
    public void DeactivateFramework_GetsNoOffers()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");

        h.Allocator.DeactivateFramework("f1");

        Assert.Empty(h.Cycle());
    }

    [Fact]
    public void DeactivateFramework_OthersStillGetOffers()
    {
        using var h = new AllocatorHarness().Framework("f1").Framework("f2").Agent("a1", "cpus:4;mem:4096");

        h.Allocator.DeactivateFramework("f1");

        Assert.Equal(["f2→a1"], h.CyclePairs());
    }

    [Fact]
    public void ActivateFramework_AfterDeactivation_GetsOffersAgain()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");
        h.Allocator.DeactivateFramework("f1");
        Assert.Empty(h.Cycle());

        h.Allocator.ActivateFramework("f1");

        Assert.Equal(["f1→a1"], h.CyclePairs());
    }

    [Fact]
    public void RemoveFramework_ItsAllocationsReturnToTheAgent()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");
        h.Cycle();
        h.Framework("f2");
        Assert.Empty(h.Cycle());

        h.Allocator.RemoveFramework("f1");

        Assert.Equal(R("cpus:4;mem:4096"), h.AgentView("a1").Available);
        Assert.Equal(["f2→a1"], h.CyclePairs());
    }

    [Fact]
    public void RemoveFramework_DropsItsFilters()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");
        h.Decline(Assert.Single(h.Cycle()), TimeSpan.FromHours(1));

        h.Allocator.RemoveFramework("f1");
        h.Framework("f1");

        Assert.Equal(["f1→a1"], h.CyclePairs());
    }

    [Fact]
    public void AddFramework_WhileAllOthersRefused_GetsTheAgentNextCycle()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");
        h.Decline(Assert.Single(h.Cycle()), TimeSpan.FromHours(1));
        Assert.Empty(h.Cycle());

        h.Framework("f2");

        Assert.Equal(["f2→a1"], h.CyclePairs());
    }

    [Fact]
    public void UpdateFramework_NewRole_ReceivesOffersUnderIt()
    {
        using var h = new AllocatorHarness().Framework("f1", "a").Agent("h1", "cpus:4;mem:4096");

        h.Allocator.UpdateFramework("f1", ["b"]);

        Assert.Equal("b", Assert.Single(h.Cycle()).Role);
    }

    [Fact]
    public void UpdateFramework_LeftRole_StillCountsWhatItHoldsUntilRecovered()
    {
        using var h = new AllocatorHarness().Framework("f1", "a").Agent("h1", "cpus:4;mem:4096");
        h.Cycle();

        h.Allocator.UpdateFramework("f1", ["b"]);
        Assert.Equal(R("cpus:4;mem:4096"), h.ShareOf("f1").Allocated);
        Assert.Empty(h.Cycle());

        h.Allocator.RecoverResources("f1", "h1", "a", R("cpus:4;mem:4096"), refuseFor: null);
        Assert.Equal(R("cpus:4;mem:4096"), h.AgentView("h1").Available);
        Assert.Equal("b", Assert.Single(h.Cycle()).Role);
    }

    [Fact]
    public void AddFramework_ExistingId_Throws()
    {
        using var h = new AllocatorHarness().Framework("f1");

        Assert.Throws<InvalidOperationException>(() => h.Framework("f1"));
    }

    [Fact]
    public void AddFramework_NoRoles_GetsNoOffers()
    {
        using var h = new AllocatorHarness().Agent("a1", "cpus:4;mem:4096");

        h.Allocator.AddFramework("f1", []);

        Assert.Empty(h.Cycle());
    }
}
