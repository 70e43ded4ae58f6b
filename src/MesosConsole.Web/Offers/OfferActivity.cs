using System.Collections.Immutable;

namespace MesosConsole.Web.Offers;

/// <summary>Where the offers view gets its facts from.</summary>
public enum OfferFeedMode
{
    /// <summary>Looking for the leading master and its allocator stream.</summary>
    Connecting,

    /// <summary>The embedded master's allocator extension: every decision, live.</summary>
    Decisions,

    /// <summary>A master without the extension (real Mesos): offer counters and outstanding offers, polled.</summary>
    Counters,

    /// <summary>The master could not be reached; trying again.</summary>
    Unreachable,
}

/// <summary>A refusal filter the stream reported and that has not expired or been cleared.</summary>
public sealed record ActiveFilter(string FrameworkId, string AgentId, string Role, DateTimeOffset Until, string? Refused);

/// <summary>Offer outcomes counted since the console started watching (decisions mode).</summary>
public sealed record OfferTally(long Made, long Accepted, long Declined, long Rescinded)
{
    public static OfferTally Zero { get; } = new(0, 0, 0, 0);
}

/// <summary>One point of a framework's dominant share over time.</summary>
public readonly record struct SharePoint(DateTime At, double Share);

/// <summary>
/// Everything the offers and "why" pages show about one cluster's offer cycle, as one immutable
/// value: a page can hold it while the feed moves on. Bounded: the newest decisions only, and share
/// series thinned to one point per <see cref="OffersFeed.ShareSpacing"/>.
/// </summary>
public sealed record OfferActivity
{
    public static OfferActivity Initial { get; } = new();

    public long Version { get; init; }

    public OfferFeedMode Mode { get; init; } = OfferFeedMode.Connecting;

    /// <summary>Why the master could not be reached, in Unreachable mode.</summary>
    public string? Error { get; init; }

    /// <summary>Whether the allocator is paused (Decisions mode only; null when unknown).</summary>
    public bool? Paused { get; init; }

    public int? AllocationIntervalMs { get; init; }

    /// <summary>The newest decisions, oldest first.</summary>
    public ImmutableList<AllocatorDecision> Decisions { get; init; } = [];

    /// <summary>Each framework's latest dominant share.</summary>
    public ImmutableDictionary<string, double> Shares { get; init; } = ImmutableDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Each framework's dominant share over time, for the chart.</summary>
    public ImmutableDictionary<string, ImmutableList<SharePoint>> ShareHistory { get; init; } =
        ImmutableDictionary<string, ImmutableList<SharePoint>>.Empty.WithComparers(StringComparer.Ordinal);

    public ImmutableList<ActiveFilter> Filters { get; init; } = [];

    public OfferTally Tally { get; init; } = OfferTally.Zero;

    /// <summary>Roles each framework has suppressed offers for, as far as the console has seen.</summary>
    public ImmutableDictionary<string, ImmutableHashSet<string>> SuppressedRoles { get; init; } =
        ImmutableDictionary<string, ImmutableHashSet<string>>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Counters mode: the master's per-framework offer counters at the last poll.</summary>
    public OfferCounters? Counters { get; init; }

    /// <summary>Counters mode: the offers frameworks hold right now.</summary>
    public ImmutableArray<OutstandingOffer> OutstandingOffers { get; init; } = [];

    public DateTimeOffset? PolledAt { get; init; }

    /// <summary>The filters still in force at <paramref name="now"/>.</summary>
    public IEnumerable<ActiveFilter> FiltersAt(DateTimeOffset now) => Filters.Where(f => f.Until > now);
}
