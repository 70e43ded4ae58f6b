namespace MesosConsole.Allocation.Tests;

public class PeriodicCycleTests
{
    private static readonly TimeSpan Interval = new AllocatorOptions().AllocationInterval;

    [Fact]
    public void Start_IntervalElapses_RunsACycleThatCallsBack()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");
        h.Allocator.Start();
        Assert.Empty(h.Callbacks);

        h.Time.Advance(Interval);

        var offer = Assert.Single(Assert.Single(h.Callbacks));
        Assert.Equal(("f1", "a1"), (offer.FrameworkId, offer.AgentId));
    }

    [Fact]
    public void Start_EveryInterval_OffersWhatCameBack()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");
        h.Allocator.Start();

        for (var i = 0; i < 3; i++)
        {
            h.Time.Advance(Interval);
            h.DeclineAll(h.Callbacks[^1], refuseFor: null);
        }

        Assert.Equal(3, h.Callbacks.Count);
    }

    [Fact]
    public void Start_CycleWithNothingToOffer_DoesNotCallBack()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");
        h.Allocator.Start();

        h.Time.Advance(Interval * 5);

        Assert.Single(h.Callbacks); // the agent went out in the first cycle and never came back
    }

    [Fact]
    public void Pause_StopsPeriodicCycles()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");
        h.Allocator.Start();

        h.Allocator.Pause();
        h.Time.Advance(Interval * 3);

        Assert.True(h.Allocator.IsPaused);
        Assert.Empty(h.Callbacks);
    }

    [Fact]
    public void RunCycle_WhilePaused_StillAllocatesAndCallsBack()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");
        h.Allocator.Start();
        h.Allocator.Pause();

        var offers = h.Cycle();

        Assert.Same(offers, Assert.Single(h.Callbacks));
    }

    [Fact]
    public void Resume_AfterPause_PeriodicCyclesRunAgain()
    {
        using var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");
        h.Allocator.Start();
        h.Allocator.Pause();
        h.Time.Advance(Interval);

        h.Allocator.Resume();
        h.Time.Advance(Interval);

        Assert.False(h.Allocator.IsPaused);
        Assert.Single(h.Callbacks);
    }

    [Fact]
    public void Dispose_StopsPeriodicCycles()
    {
        var h = new AllocatorHarness().Framework("f1").Agent("a1", "cpus:4;mem:4096");
        h.Allocator.Start();

        h.Dispose();
        h.Time.Advance(Interval * 3);

        Assert.Empty(h.Callbacks);
    }

    [Fact]
    public void OfferCallback_RunsOutsideTheLock_SoAnotherThreadCanCallIn()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        HierarchicalAllocator? allocator = null;
        var otherThreadGotIn = false;
        allocator = new HierarchicalAllocator(new AllocatorOptions(), time, offers =>
            // Were the callback still holding the allocator's lock, this would time out.
            otherThreadGotIn = Task.Run(() => allocator!.GetShares()).Wait(TimeSpan.FromSeconds(30)));
        using (allocator)
        {
            allocator.AddFramework("f1", ["*"]);
            allocator.AddAgent("a1", Resources.Parse("cpus:1"));

            allocator.RunCycle();
        }

        Assert.True(otherThreadGotIn);
    }
}
