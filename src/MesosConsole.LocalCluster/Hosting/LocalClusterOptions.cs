namespace MesosConsole.LocalCluster.Hosting;

/// <summary>
/// The embedded cluster, configured from the <c>LocalCluster</c> section (appsettings.json, then
/// <c>LocalCluster__Key</c> environment variables, then <c>--LocalCluster:Key=value</c> arguments).
/// </summary>
/// <remarks>
/// Work-dir layout, as a Mesos agent lays it out:
/// <c>WorkDir/agent-N/slaves/&lt;agentId&gt;/frameworks/&lt;frameworkId&gt;/executors/&lt;executorId&gt;/runs/&lt;containerId&gt;</c>
/// with <c>stdout</c> and <c>stderr</c> in each run directory and a <c>runs/latest</c> link to the newest run.
/// </remarks>
public sealed class LocalClusterOptions
{
    public const string SectionName = "LocalCluster";

    /// <summary>Address every endpoint binds to and advertises.</summary>
    public string Hostname { get; set; } = "127.0.0.1";

    /// <summary>The master's HTTP port (Mesos default 5050). 0 picks a free port.</summary>
    public int MasterPort { get; set; } = 5050;

    /// <summary>Number of agents.</summary>
    public int Agents { get; set; } = 3;

    /// <summary>Port of the first agent; agent N listens on FirstAgentPort + N - 1. 0 picks free ports.</summary>
    public int FirstAgentPort { get; set; } = 5051;

    /// <summary>Each agent's resources in Mesos <c>--resources</c> syntax.</summary>
    public string Resources { get; set; } = "cpus:4;mem:4096;disk:20000;ports:[31000-32000]";

    /// <summary>Agent attributes in Mesos <c>--attributes</c> syntax (<c>rack:r1;zone:z1</c>); may be empty.</summary>
    public string Attributes { get; set; } = "";

    /// <summary>Root of the agents' sandboxes. Empty: a fresh directory under the system temp folder.</summary>
    public string WorkDir { get; set; } = "";

    /// <summary>Seconds between allocation cycles (Mesos <c>--allocation_interval</c>).</summary>
    public double AllocationIntervalSeconds { get; set; } = 1;

    /// <summary>Seconds between HEARTBEAT events on scheduler and operator streams.</summary>
    public double HeartbeatIntervalSeconds { get; set; } = 15;

    /// <summary>Seconds an offer may stay outstanding before it is rescinded; 0 = never (Mesos default).</summary>
    public double OfferTimeoutSeconds { get; set; }

    /// <summary>Seconds before an unacknowledged status update is sent again (Mesos starts at 10 s).</summary>
    public double StatusUpdateRetrySeconds { get; set; } = 10;

    /// <summary>Seconds without an answer from an agent before it is removed (Mesos: 5 × 15 s pings).</summary>
    public double AgentPingTimeoutSeconds { get; set; } = 75;

    /// <summary>Default seconds between SIGTERM and SIGKILL when a task is killed (Mesos command executor: 3 s).</summary>
    public double KillGracePeriodSeconds { get; set; } = 3;

    /// <summary>
    /// Operator SUBSCRIBE heartbeats: <c>always</c> (as Mesos does), <c>protobufOnly</c>, or <c>never</c>.
    /// mesos-go 0.0.6 with its JSON codec cannot decode the operator HEARTBEAT event.
    /// </summary>
    public string OperatorHeartbeats { get; set; } = "always";

    /// <summary>
    /// Run <see cref="DemoFramework"/> against the cluster (a ticking task to tail, offers declined to
    /// watch). Off by default in code; the repository's appsettings.json turns it on for newcomers.
    /// </summary>
    public bool DemoFramework { get; set; }

    /// <summary>The cluster's name, shown in /master/state.</summary>
    public string ClusterName { get; set; } = "local";
}
