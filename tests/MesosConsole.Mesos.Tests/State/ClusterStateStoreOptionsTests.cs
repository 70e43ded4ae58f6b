using MesosConsole.Mesos.State;

namespace MesosConsole.Mesos.Tests.State;

public sealed class ClusterStateStoreOptionsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 30)]
    [InlineData(40, 30)]
    public void Backoff_DoublesUpToTheCap(int failures, int seconds)
    {
        var options = new ClusterStateStoreOptions { InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(30) };

        Assert.Equal(TimeSpan.FromSeconds(seconds), options.Backoff(failures));
    }
}
