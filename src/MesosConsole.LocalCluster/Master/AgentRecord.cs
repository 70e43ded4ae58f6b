using MesosConsole.Allocation;

namespace MesosConsole.LocalCluster.Master;

/// <summary>The master's book on one registered agent.</summary>
internal sealed class AgentRecord(IAgentProcess agent, Resources total, DateTimeOffset registeredAt)
{
    public IAgentProcess Agent { get; } = agent;
    public Resources Total { get; } = total;
    public DateTimeOffset RegisteredAt { get; } = registeredAt;
    public DateTimeOffset LastSeen { get; set; } = registeredAt;
    public bool Active { get; set; } = true;

    /// <summary>Resources held by this agent's live tasks (kept as a running sum: state endpoints read it for every agent).</summary>
    public Resources Used { get; set; } = Resources.Empty;

    /// <summary>Resources in this agent's outstanding offers.</summary>
    public Resources Offered { get; set; } = Resources.Empty;
    public string Id => Agent.Id.Value;
}
