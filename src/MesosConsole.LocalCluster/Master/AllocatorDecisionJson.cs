using System.Buffers;
using System.Globalization;
using System.Text.Json;
using MesosConsole.Allocation;

namespace MesosConsole.LocalCluster.Master;

/// <summary>
/// The wire form of <c>/console/v1/allocator/events</c>: one JSON object per line (NDJSON), snake_case
/// field names as in Mesos's JSON, absent fields left out. Every line has <c>type</c>, <c>at</c> (ISO
/// 8601, UTC) and <c>message</c> (the decision in one plain sentence). README.md lists the types.
/// </summary>
internal static class AllocatorDecisionJson
{
    public const string ContentType = "application/x-ndjson";

    /// <summary>A decision the master makes itself about an offer, or about the allocator.</summary>
    public sealed record Outcome(string Type, DateTimeOffset At, string Message)
    {
        public string? FrameworkId { get; init; }
        public string? AgentId { get; init; }
        public string? Role { get; init; }
        public string? OfferId { get; init; }
        public string? Resources { get; init; }
        public double? RefuseSeconds { get; init; }
        public int? TasksLaunched { get; init; }
        public bool? Paused { get; init; }
        public int? OffersMade { get; init; }
        public double? DominantShare { get; init; }
    }

    public static byte[] Subscribed(DateTimeOffset at, bool paused, int allocationIntervalMs, IReadOnlyList<FrameworkShare> shares) => Line(w =>
    {
        Head(w, "SUBSCRIBED", at);
        w.WriteBoolean("paused", paused);
        w.WriteNumber("allocation_interval_ms", allocationIntervalMs);
        Shares(w, shares);
        w.WriteString("message", paused
            ? "Watching the allocator. It is paused: no cycle runs until someone steps or resumes it."
            : $"Watching the allocator. It runs a cycle every {allocationIntervalMs} ms.");
    });

    public static byte[] OfferMade(OfferMade made, string? offerId, double? shareAfter) => Line(w =>
    {
        Head(w, "OFFER_MADE", made.At);
        w.WriteString("framework_id", made.FrameworkId);
        w.WriteString("agent_id", made.AgentId);
        w.WriteString("role", made.Role);
        if (offerId is not null)
        {
            w.WriteString("offer_id", offerId);
        }

        w.WriteString("resources", made.Resources.ToString());
        w.WriteNumber("dominant_share_before", made.DominantShareBefore);
        if (shareAfter is { } share)
        {
            w.WriteNumber("dominant_share", share);
        }

        w.WriteString("message", made.Describe());
    });

    public static byte[] Cycle(CycleCompleted cycle, IReadOnlyList<FrameworkShare> shares) => Line(w =>
    {
        Head(w, "CYCLE", cycle.At);
        w.WriteNumber("offers_made", cycle.OffersMade);
        w.WriteNumber("duration_ms", Math.Round(cycle.Duration.TotalMilliseconds, 3));
        Shares(w, shares);
        w.WriteString("message", cycle.Describe());
    });

    /// <summary>The allocator's other decisions: skipped frameworks, filters, suppress and revive.</summary>
    public static byte[] Decision(AllocatorEvent decision) => Line(w =>
    {
        switch (decision)
        {
            case AgentFilteredOut skipped:
                Head(w, "FRAMEWORK_SKIPPED", skipped.At);
                w.WriteString("framework_id", skipped.FrameworkId);
                w.WriteString("agent_id", skipped.AgentId);
                w.WriteString("role", skipped.Role);
                w.WriteString("reason", skipped.Reason);
                break;
            case FilterAdded added:
                Head(w, "FILTER_ADDED", added.At);
                w.WriteString("framework_id", added.FrameworkId);
                w.WriteString("agent_id", added.AgentId);
                w.WriteString("role", added.Role);
                w.WriteString("resources", added.Refused.ToString());
                w.WriteString("filter_until", Iso(added.Expires));
                w.WriteNumber("refuse_seconds", Math.Round((added.Expires - added.At).TotalSeconds, 3));
                break;
            case FilterExpired expired:
                Head(w, "FILTER_EXPIRED", expired.At);
                w.WriteString("framework_id", expired.FrameworkId);
                w.WriteString("agent_id", expired.AgentId);
                w.WriteString("role", expired.Role);
                break;
            case FrameworkSuppressed suppressed:
                Head(w, "SUPPRESSED", suppressed.At);
                w.WriteString("framework_id", suppressed.FrameworkId);
                Roles(w, suppressed.Roles);
                break;
            case FrameworkRevived revived:
                Head(w, "REVIVED", revived.At);
                w.WriteString("framework_id", revived.FrameworkId);
                Roles(w, revived.Roles);
                break;
            default:
                Head(w, "OTHER", decision.At);
                break;
        }

        w.WriteString("message", decision.Describe());
    });

    public static byte[] Write(Outcome outcome) => Line(w =>
    {
        Head(w, outcome.Type, outcome.At);
        WriteIf(w, "framework_id", outcome.FrameworkId);
        WriteIf(w, "agent_id", outcome.AgentId);
        WriteIf(w, "role", outcome.Role);
        WriteIf(w, "offer_id", outcome.OfferId);
        WriteIf(w, "resources", outcome.Resources);
        if (outcome.RefuseSeconds is { } refuse)
        {
            w.WriteNumber("refuse_seconds", refuse);
        }

        if (outcome.TasksLaunched is { } tasks)
        {
            w.WriteNumber("tasks_launched", tasks);
        }

        if (outcome.Paused is { } paused)
        {
            w.WriteBoolean("paused", paused);
        }

        if (outcome.OffersMade is { } made)
        {
            w.WriteNumber("offers_made", made);
        }

        if (outcome.DominantShare is { } share)
        {
            w.WriteNumber("dominant_share", share);
        }

        w.WriteString("message", outcome.Message);
    });

    /// <summary>The allocator's standing, for <c>GET /console/v1/allocator</c>.</summary>
    public static byte[] Status(bool paused, int allocationIntervalMs, int subscribers, IReadOnlyList<FrameworkShare> shares)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteBoolean("paused", paused);
            w.WriteNumber("allocation_interval_ms", allocationIntervalMs);
            w.WriteNumber("subscribers", subscribers);
            Shares(w, shares);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void Head(Utf8JsonWriter w, string type, DateTimeOffset at)
    {
        w.WriteString("type", type);
        w.WriteString("at", Iso(at));
    }

    private static void WriteIf(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Roles(Utf8JsonWriter w, IReadOnlyList<string> roles)
    {
        w.WriteStartArray("roles");
        foreach (var role in roles)
        {
            w.WriteStringValue(role);
        }

        w.WriteEndArray();
    }

    private static void Shares(Utf8JsonWriter w, IReadOnlyList<FrameworkShare> shares)
    {
        w.WriteStartArray("shares");
        foreach (var share in shares)
        {
            w.WriteStartObject();
            w.WriteString("framework_id", share.FrameworkId);
            w.WriteNumber("dominant_share", share.DominantShare);
            w.WriteStartObject("by_resource");
            foreach (var (kind, value) in share.Shares)
            {
                w.WriteNumber(kind, value);
            }

            w.WriteEndObject();
            w.WriteString("allocated", share.Allocated.ToString());
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static byte[] Line(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            write(w);
            w.WriteEndObject();
        }

        var line = new byte[buffer.WrittenCount + 1];
        buffer.WrittenSpan.CopyTo(line);
        line[^1] = (byte)'\n';
        return line;
    }
}
