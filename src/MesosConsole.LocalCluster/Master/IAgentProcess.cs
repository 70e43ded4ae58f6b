using MesosConsole.Mesos.V1;

namespace MesosConsole.LocalCluster.Master;

/// <summary>
/// What the master needs from an agent — the messages a Mesos master sends to its agents. The
/// embedded cluster's agents implement it in process; benchmarks use a synthetic one.
/// </summary>
internal interface IAgentProcess
{
    AgentID Id { get; }
    AgentInfo Info { get; }
    string Pid { get; }
    int Port { get; }
    Uri BaseUrl { get; }

    void Launch(FrameworkInfo framework, TaskInfo task);
    void Kill(FrameworkID frameworkId, TaskID taskId, TimeSpan? gracePeriod);
    void ShutdownFramework(FrameworkID frameworkId);
}
