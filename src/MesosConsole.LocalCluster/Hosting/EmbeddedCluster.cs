using Microsoft.Extensions.Logging;

namespace MesosConsole.LocalCluster.Hosting;

/// <summary>
/// One master and N agents in this process, each serving Mesos's HTTP APIs on its own port — the
/// mesos-local of MesosConsole. Everything outside talks to it over HTTP only.
/// </summary>
public sealed partial class EmbeddedCluster : IAsyncDisposable
{
    /// <summary>The leading master, e.g. http://127.0.0.1:5050.</summary>
    public Uri MasterUrl { get; private set; } = null!;

    /// <summary>Each agent's base URL, in agent order (slave(1), slave(2), …).</summary>
    public IReadOnlyList<Uri> AgentUrls { get; private set; } = [];

    /// <summary>The directory holding the agents' sandboxes.</summary>
    public string WorkDir { get; private set; } = "";

    /// <summary>Starts master and agents and returns once every port answers.</summary>
    public static Task<EmbeddedCluster> StartAsync(LocalClusterOptions options, ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
        => StartCoreAsync(options, loggerFactory, timeProvider, cancellationToken);

    /// <summary>Stops agents (killing every task process) and the master.</summary>
    public ValueTask DisposeAsync() => StopCoreAsync();
}
