using MesosConsole.LocalCluster.Hosting;

namespace MesosConsole.LocalCluster.Tests.Support;

/// <summary>Starts an embedded cluster on free loopback ports for one test.</summary>
internal static class TestCluster
{
    public static Task<EmbeddedCluster> StartAsync(Action<LocalClusterOptions>? configure = null)
    {
        var options = new LocalClusterOptions
        {
            MasterPort = 0,
            FirstAgentPort = 0,
            Agents = 3,
            AllocationIntervalSeconds = 0.05,
            Resources = "cpus:4;mem:4096;disk:20000;ports:[31000-32000]",
            KillGracePeriodSeconds = 1,
        };
        configure?.Invoke(options);
        return EmbeddedCluster.StartAsync(options, cancellationToken: TestContext.Current.CancellationToken);
    }
}
