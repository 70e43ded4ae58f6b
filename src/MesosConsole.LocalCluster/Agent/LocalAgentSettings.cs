using MesosConsole.Mesos.V1;

namespace MesosConsole.LocalCluster.Agent;

/// <summary>What one embedded agent is started with.</summary>
/// <param name="Index">1-based process index: the agent's pid is <c>slave(Index)@ip:port</c>.</param>
/// <param name="Info">The agent's identity and offerable resources (id, hostname, port — 0 picks a free one —, resources, attributes).</param>
/// <param name="WorkDir">This agent's own work directory; sandboxes go under <c>slaves/&lt;agentId&gt;/…</c>.</param>
/// <param name="DefaultKillGracePeriod">SIGTERM-to-SIGKILL delay when neither the kill nor the task's kill_policy gives one.</param>
/// <param name="MasterHostname">Reported as <c>master_hostname</c> in /state.</param>
/// <param name="MasterPort">Reported in the agent's <c>master</c> flag.</param>
public sealed record LocalAgentSettings(int Index, AgentInfo Info, string WorkDir, TimeSpan DefaultKillGracePeriod,
    string MasterHostname, int MasterPort);
