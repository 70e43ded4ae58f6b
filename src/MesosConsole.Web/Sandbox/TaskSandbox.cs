using MesosConsole.Mesos.State;

namespace MesosConsole.Web.Sandbox;

/// <summary>Where a task's sandbox is: the agent that ran it and the directory to browse there.</summary>
public sealed record TaskSandbox(TaskKey Task, string AgentId, Uri AgentUrl, string Directory)
{
    public string Stdout => SandboxPaths.Combine(Directory, "stdout");

    public string Stderr => SandboxPaths.Combine(Directory, "stderr");
}
