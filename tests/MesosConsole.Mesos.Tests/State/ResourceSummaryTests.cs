using MesosConsole.Mesos.State;
using MesosConsole.Mesos.V1;

namespace MesosConsole.Mesos.Tests.State;

public sealed class ResourceSummaryTests
{
    [Fact]
    public void Of_AddsScalarsAcrossRolesAndCountsPorts()
    {
        var summary = ResourceSummary.Of(
        [
            .. Wire.Resources(1, 100),
            .. Wire.Resources(0.5, 28),
            new Resource { Name = "disk", Scalar = new Scalar { Value = 20 } },
            new Resource { Name = "gpus", Scalar = new Scalar { Value = 1 } },
            new Resource { Name = "ports", Ranges = new Ranges { Range = [new() { Begin = 31000, End = 31009 }, new() { Begin = 5, End = 5 }] } },
            new Resource { Name = "other", Scalar = new Scalar { Value = 99 } },
        ]);

        Assert.Equal(new ResourceSummary(1.5, 128, 20, 1, 11), summary);
    }

    [Fact]
    public void Subtract_NeverGoesBelowZero()
    {
        Assert.Equal(ResourceSummary.Empty, new ResourceSummary(1, 1, 1, 1, 1) - new ResourceSummary(2, 2, 2, 2, 2));
    }
}
