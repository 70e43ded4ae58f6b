using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace MesosConsole.Web.Offers;

/// <summary>Reads the NDJSON lines of the allocator extension stream; unknown types and fields are tolerated.</summary>
public static class AllocatorDecisionReader
{
    private static readonly Dictionary<string, DecisionKind> Kinds = new(StringComparer.Ordinal)
    {
        ["SUBSCRIBED"] = DecisionKind.Subscribed,
        ["OFFER_MADE"] = DecisionKind.OfferMade,
        ["OFFER_ACCEPTED"] = DecisionKind.OfferAccepted,
        ["OFFER_DECLINED"] = DecisionKind.OfferDeclined,
        ["OFFER_RESCINDED"] = DecisionKind.OfferRescinded,
        ["FILTER_ADDED"] = DecisionKind.FilterAdded,
        ["FILTER_EXPIRED"] = DecisionKind.FilterExpired,
        ["FRAMEWORK_SKIPPED"] = DecisionKind.FrameworkSkipped,
        ["SUPPRESSED"] = DecisionKind.Suppressed,
        ["REVIVED"] = DecisionKind.Revived,
        ["CYCLE"] = DecisionKind.Cycle,
        ["PAUSED"] = DecisionKind.Paused,
        ["RESUMED"] = DecisionKind.Resumed,
        ["STEP"] = DecisionKind.Step,
    };

    /// <summary>Parses one line; null for a blank line or one that is not a JSON object with a type.</summary>
    public static AllocatorDecision? Parse(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            return Read(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static AllocatorDecision? Read(JsonElement line)
    {
        if (line.ValueKind != JsonValueKind.Object || Text(line, "type") is not { } type)
        {
            return null;
        }

        var at = Text(line, "at") is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : DateTimeOffset.MinValue;
        return new AllocatorDecision(Kinds.GetValueOrDefault(type, DecisionKind.Other), at, Text(line, "message") ?? type)
        {
            FrameworkId = Text(line, "framework_id"),
            AgentId = Text(line, "agent_id"),
            Role = Text(line, "role"),
            Roles = line.TryGetProperty("roles", out var roles) && roles.ValueKind == JsonValueKind.Array
                ? [.. roles.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!)]
                : [],
            OfferId = Text(line, "offer_id"),
            Resources = Text(line, "resources"),
            RefuseSeconds = Number(line, "refuse_seconds"),
            FilterUntil = Text(line, "filter_until") is { } until && DateTimeOffset.TryParse(until, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var u) ? u : null,
            DominantShare = Number(line, "dominant_share"),
            DominantShareBefore = Number(line, "dominant_share_before"),
            OffersMade = Number(line, "offers_made") is { } made ? (int)made : null,
            TasksLaunched = Number(line, "tasks_launched") is { } tasks ? (int)tasks : null,
            Paused = line.TryGetProperty("paused", out var paused) && paused.ValueKind is JsonValueKind.True or JsonValueKind.False ? paused.GetBoolean() : null,
            Reason = Text(line, "reason"),
            AllocationIntervalMs = Number(line, "allocation_interval_ms") is { } interval ? (int)interval : null,
            Shares = Shares(line),
        };
    }

    private static ImmutableDictionary<string, double>? Shares(JsonElement line)
    {
        if (!line.TryGetProperty("shares", out var shares) || shares.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var builder = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var share in shares.EnumerateArray())
        {
            if (Text(share, "framework_id") is { } id && Number(share, "dominant_share") is { } dominant)
            {
                builder[id] = dominant;
            }
        }

        return builder.ToImmutable();
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
