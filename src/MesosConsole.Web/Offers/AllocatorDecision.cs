using System.Collections.Immutable;

namespace MesosConsole.Web.Offers;

/// <summary>What happened, in the words of the embedded master's allocator stream (its <c>type</c> field).</summary>
public enum DecisionKind
{
    Other,
    Subscribed,
    OfferMade,
    OfferAccepted,
    OfferDeclined,
    OfferRescinded,
    FilterAdded,
    FilterExpired,
    FrameworkSkipped,
    Suppressed,
    Revived,
    Cycle,
    Paused,
    Resumed,
    Step,

    /// <summary>Not from the stream: what the master's offer counters moved by between two polls.</summary>
    CountersChanged,
}

/// <summary>
/// One line of <c>GET /console/v1/allocator/events</c> (the embedded master's extension), as the
/// console keeps it. Fields a kind does not carry are null. <see cref="Shares"/> (framework id →
/// dominant share) comes with cycles and with the first line.
/// </summary>
public sealed record AllocatorDecision(DecisionKind Kind, DateTimeOffset At, string Message)
{
    public string? FrameworkId { get; init; }
    public string? AgentId { get; init; }
    public string? Role { get; init; }
    public ImmutableArray<string> Roles { get; init; } = [];
    public string? OfferId { get; init; }
    public string? Resources { get; init; }
    public double? RefuseSeconds { get; init; }
    public DateTimeOffset? FilterUntil { get; init; }
    public double? DominantShare { get; init; }
    public double? DominantShareBefore { get; init; }
    public int? OffersMade { get; init; }
    public int? TasksLaunched { get; init; }
    public bool? Paused { get; init; }
    public string? Reason { get; init; }
    public int? AllocationIntervalMs { get; init; }
    public ImmutableDictionary<string, double>? Shares { get; init; }
}
