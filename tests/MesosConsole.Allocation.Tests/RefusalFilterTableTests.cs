using MesosConsole.Allocation.State;
using static MesosConsole.Allocation.Tests.AllocatorHarness;

namespace MesosConsole.Allocation.Tests;

public class RefusalFilterTableTests
{
    private const int Slot = 3;

    [Fact]
    public void Applies_TwoFiltersNeitherCoveringTheOther_EitherCanApply()
    {
        // Mesos keeps every filter; a second refusal must not erase the first one's effect.
        var table = new RefusalFilterTable();
        table.Add(Slot, R("cpus:2;mem:1024"), expiresAtTicks: 100, available: R("cpus:2;mem:1024"));
        table.Add(Slot, R("cpus:4"), expiresAtTicks: 50, available: R("cpus:4"));

        Assert.True(table.Applies(Slot, R("cpus:1;mem:512")));  // only the first covers this
        Assert.True(table.Applies(Slot, R("cpus:3")));          // only the second covers this
        Assert.False(table.Applies(Slot, R("cpus:3;mem:1")));   // neither does
    }

    [Fact]
    public void RemoveExpired_OneOfTwoFilters_KeepsTheOther()
    {
        var table = new RefusalFilterTable();
        table.Add(Slot, R("cpus:2;mem:1024"), expiresAtTicks: 100, available: R("cpus:2;mem:1024"));
        table.Add(Slot, R("cpus:4"), expiresAtTicks: 50, available: R("cpus:4"));
        var expired = new List<int>();

        table.RemoveExpired(nowTicks: 50, expired);

        Assert.False(table.Applies(Slot, R("cpus:3")));
        Assert.True(table.Applies(Slot, R("cpus:1;mem:512")));
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void Add_FilterCoveringAnEarlierOneForLonger_ReplacesIt()
    {
        var table = new RefusalFilterTable();
        table.Add(Slot, R("cpus:2"), expiresAtTicks: 10, available: R("cpus:2"));

        table.Add(Slot, R("cpus:4"), expiresAtTicks: 20, available: R("cpus:4"));
        table.RemoveExpired(nowTicks: 15, expiredSlots: null);

        Assert.Equal(1, table.Count);
        Assert.True(table.Applies(Slot, R("cpus:1")));
    }

    [Fact]
    public void Remove_Slot_DropsAllItsFiltersAndNoOthers()
    {
        var table = new RefusalFilterTable();
        table.Add(Slot, R("cpus:2;mem:1024"), 100, R("cpus:2"));
        table.Add(Slot, R("cpus:4"), 50, R("cpus:4"));
        table.Add(Slot + 1, R("cpus:4"), 50, R("cpus:4"));

        Assert.True(table.Remove(Slot));

        Assert.False(table.Applies(Slot, R("cpus:1")));
        Assert.True(table.Applies(Slot + 1, R("cpus:1")));
        Assert.Equal(1, table.Count);
    }
}
