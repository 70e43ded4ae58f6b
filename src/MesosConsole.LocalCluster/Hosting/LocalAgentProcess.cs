using MesosConsole.LocalCluster.Agent;
using MesosConsole.LocalCluster.Master;
using MesosConsole.Mesos.V1;

namespace MesosConsole.LocalCluster.Hosting;

/// <summary>Connects an in-process <see cref="LocalAgent"/> to the master.</summary>
internal sealed class LocalAgentProcess(LocalAgent agent) : IAgentProcess
{
    public AgentID Id => agent.Id;
    public AgentInfo Info => agent.Info;
    public string Pid => agent.Pid;
    public int Port => agent.Port;
    public Uri BaseUrl => agent.BaseUrl;

    public void Launch(FrameworkInfo framework, TaskInfo task) => agent.Launch(framework, task);

    public void Kill(FrameworkID frameworkId, TaskID taskId, TimeSpan? gracePeriod) => agent.Kill(frameworkId, taskId, gracePeriod);

    public void ShutdownFramework(FrameworkID frameworkId) => agent.ShutdownFramework(frameworkId);
}
