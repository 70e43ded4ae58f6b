namespace MesosConsole.Allocation.Tests;

public class RefusalFilterTests
{
    private static readonly TimeSpan TenSeconds = TimeSpan.FromSeconds(10);

    [Fact]
    public void Decline_WithRefuseTime_NotReofferedToSameFrameworkUntilItPasses()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");
        h.Decline(Assert.Single(h.Cycle()), TenSeconds);

        h.Time.Advance(TimeSpan.FromSeconds(9.999));
        Assert.Empty(h.Cycle());

        h.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(["f1→a1"], h.CyclePairs());
    }

    [Fact]
    public void Decline_WithRefuseTime_AgentOfferedToOtherFrameworksMeanwhile()
    {
        using var h = new AllocatorHarness().Framework("f1").Framework("f2").Agent("a1", "cpus:4;mem:4096");
        var offer = Assert.Single(h.Cycle());
        Assert.Equal("f1", offer.FrameworkId);

        h.Decline(offer, TenSeconds);

        Assert.Equal(["f2→a1"], h.CyclePairs());
    }

    [Fact]
    public void Filter_AgentGainsMoreThanWasRefused_NoLongerApplies()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");
        h.Cycle();
        // f1 launches a task on half and refuses the other half for a minute.
        h.Allocator.RecoverResources("f1", "a1", "*", AllocatorHarness.R("cpus:2;mem:2048"), TimeSpan.FromMinutes(1));
        Assert.Empty(h.Cycle());

        // The task finishes: the agent now has more than f1 refused, so the filter no longer holds.
        h.Allocator.RecoverResources("f1", "a1", "*", AllocatorHarness.R("cpus:2;mem:2048"), refuseFor: null);

        Assert.Equal(AllocatorHarness.R("cpus:4;mem:4096"), Assert.Single(h.Cycle()).Resources);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(null)]
    public void Decline_WithoutRefuseTime_InstallsNoFilter(double? refuseSeconds)
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");

        h.Decline(Assert.Single(h.Cycle()), refuseSeconds is null ? null : TimeSpan.FromSeconds(refuseSeconds.Value));

        Assert.Equal(["f1→a1"], h.CyclePairs());
    }

    [Fact]
    public void Decline_ShorterThanAllocationInterval_LastsOneInterval()
    {
        using var h = new AllocatorHarness(new AllocatorOptions { AllocationInterval = TimeSpan.FromSeconds(2) })
            .Framework("f1").Agent("a1", "cpus:4;mem:4096");
        h.Decline(Assert.Single(h.Cycle()), TimeSpan.FromMilliseconds(1));

        h.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(h.Cycle());

        h.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(h.Cycle());
    }

    [Fact]
    public void Decline_NegativeRefuseTime_LastsTheDefaultFiveSeconds()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");
        h.Decline(Assert.Single(h.Cycle()), TimeSpan.FromSeconds(-3));

        h.Time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Empty(h.Cycle());

        h.Time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Single(h.Cycle());
    }

    [Fact]
    public void Decline_RefuseTimeBeyondAYear_IsCappedAt365Days()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");
        h.Decline(Assert.Single(h.Cycle()), TimeSpan.FromDays(1000));

        h.Time.Advance(TimeSpan.FromDays(364));
        Assert.Empty(h.Cycle());

        h.Time.Advance(TimeSpan.FromDays(1));
        Assert.Single(h.Cycle());
    }

    [Fact]
    public void Revive_AfterLongDecline_ClearsTheFilter()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");
        h.Decline(Assert.Single(h.Cycle()), TimeSpan.FromHours(1));
        Assert.Empty(h.Cycle());

        h.Allocator.Revive("f1");

        Assert.Equal(["f1→a1"], h.CyclePairs());
    }

    [Fact]
    public void Revive_OneRole_KeepsTheOtherRolesFilters()
    {
        using var h = new AllocatorHarness().Framework("f1", "a", "b").Agent("h1", "cpus:4;mem:4096");
        var toA = Assert.Single(h.Cycle());
        h.Decline(toA, TimeSpan.FromHours(1));
        var toB = Assert.Single(h.Cycle());
        h.Decline(toB, TimeSpan.FromHours(1));
        Assert.Equal(("a", "b"), (toA.Role, toB.Role));
        Assert.Empty(h.Cycle());

        h.Allocator.Revive("f1", ["b"]);

        Assert.Equal("b", Assert.Single(h.Cycle()).Role);
    }

    [Fact]
    public void FilterExpiry_ByItself_RunsNoCycle()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");
        h.Decline(Assert.Single(h.Cycle()), TenSeconds);

        h.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Single(h.Callbacks); // only the first, explicit cycle ever called back
    }
}
