namespace MesosConsole.Allocation.Tests;

public class SuppressReviveTests
{
    [Fact]
    public void Suppress_AllRoles_NoOffersEvenAfterFiltersExpire()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");
        h.Decline(Assert.Single(h.Cycle()), TimeSpan.FromSeconds(5));

        h.Allocator.Suppress("f1");
        h.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.Empty(h.Cycle());
    }

    [Fact]
    public void Revive_SuppressedFramework_GetsOffersAgain()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");
        h.Allocator.Suppress("f1");
        Assert.Empty(h.Cycle());

        h.Allocator.Revive("f1");

        Assert.Equal(["f1→a1"], h.CyclePairs());
    }

    [Fact]
    public void Suppress_OneRole_OtherRoleStillGetsOffers()
    {
        using var h = new AllocatorHarness().Framework("f1", "a", "b").Agent("h1", "cpus:4;mem:4096");

        h.Allocator.Suppress("f1", ["a"]);

        Assert.Equal("b", Assert.Single(h.Cycle()).Role);
    }

    [Fact]
    public void Suppress_OneFramework_OthersGetTheAgent()
    {
        using var h = new AllocatorHarness().Framework("f1").Framework("f2").Agent("a1", "cpus:4;mem:4096");

        h.Allocator.Suppress("f1");

        Assert.Equal(["f2→a1"], h.CyclePairs());
    }

    [Fact]
    public void AddFramework_WithSuppressedRole_GetsNoOffersForIt()
    {
        using var h = new AllocatorHarness().Agent("h1", "cpus:4;mem:4096");

        h.Allocator.AddFramework("f1", ["a", "b"], suppressedRoles: ["a"]);

        Assert.Equal("b", Assert.Single(h.Cycle()).Role);
    }

    [Fact]
    public void UpdateFramework_RoleLeavesSuppressedSet_ClearsItsFilters()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");
        h.Decline(Assert.Single(h.Cycle()), TimeSpan.FromHours(1));
        h.Allocator.UpdateFramework("f1", ["*"], suppressedRoles: ["*"]);
        Assert.Empty(h.Cycle());

        h.Allocator.UpdateFramework("f1", ["*"], suppressedRoles: []);

        Assert.Equal(["f1→a1"], h.CyclePairs());
    }

    [Fact]
    public void UpdateFramework_RoleStaysUnsuppressed_KeepsItsFilters()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");
        h.Decline(Assert.Single(h.Cycle()), TimeSpan.FromHours(1));

        h.Allocator.UpdateFramework("f1", ["*"]);

        Assert.Empty(h.Cycle());
    }
}
