using static MesosConsole.Allocation.Tests.AllocatorHarness;

namespace MesosConsole.Allocation.Tests;

public class ResourcesContainsTests
{
    [Theory]
    [InlineData("cpus:4;mem:4096", "cpus:4;mem:4096")]
    [InlineData("cpus:4;mem:4096", "cpus:0.5")]
    [InlineData("cpus:4;mem:4096", "")]
    [InlineData("ports:[1-10,20-30]", "ports:[2-3,25-30]")]
    [InlineData("disks:{a,b,c}", "disks:{a,c}")]
    public void Contains_Subset_IsTrue(string outer, string inner)
    {
        Assert.True(R(outer).Contains(R(inner)));
    }

    [Theory]
    [InlineData("cpus:4;mem:4096", "cpus:4.001")]
    [InlineData("cpus:4", "cpus:1;mem:1")]
    [InlineData("ports:[1-10,20-30]", "ports:[9-21]")]
    [InlineData("ports:[1-10]", "ports:[11-11]")]
    [InlineData("disks:{a,b}", "disks:{a,z}")]
    [InlineData("", "cpus:0.001")]
    public void Contains_NotASubset_IsFalse(string outer, string inner)
    {
        Assert.False(R(outer).Contains(R(inner)));
    }
}
