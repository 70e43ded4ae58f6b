namespace MesosConsole.Mesos.State;

/// <summary>
/// One registered agent. <see cref="Allocated"/> and <see cref="Offered"/> are what the master reported
/// in the last snapshot or AGENT_ADDED: the event stream carries no resource deltas, so between
/// snapshots <see cref="ClusterSnapshot.TaskResourcesOn"/> is the live figure.
/// </summary>
public sealed record AgentView(
    string Id,
    string? Hostname,
    int? Port,
    string? Pid,
    string? Version,
    bool Active,
    bool Deactivated,
    DateTimeOffset? RegisteredTime,
    ResourceSummary Total,
    ResourceSummary Allocated,
    ResourceSummary Offered)
{
    public ResourceSummary Unallocated => Total - Allocated;

    /// <summary>The agent's attributes in Mesos's <c>--attributes</c> syntax (<c>rack:r1;zone:a</c>), "" when none.</summary>
    public string Attributes { get; init; } = "";
}
