using System.Collections.Immutable;

namespace MesosConsole.Mesos.State;

/// <summary>Where a framework stands, as the Mesos web UI groups them.</summary>
public enum FrameworkStatus
{
    Active,
    /// <summary>Registered but not receiving offers (disconnected, or deactivated).</summary>
    Inactive,
    /// <summary>Torn down or timed out; kept so its tasks still have a name to show.</summary>
    Completed,
}

public sealed record FrameworkView(
    string Id,
    string? Name,
    string? User,
    string? Principal,
    string? Hostname,
    ImmutableArray<string> Roles,
    string? WebuiUrl,
    FrameworkStatus Status,
    bool Connected,
    bool Recovered,
    DateTimeOffset? RegisteredTime,
    DateTimeOffset? UnregisteredTime,
    ResourceSummary Allocated,
    ResourceSummary Offered);
