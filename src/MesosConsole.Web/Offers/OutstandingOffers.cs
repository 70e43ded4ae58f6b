using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace MesosConsole.Web.Offers;

/// <summary>An offer a framework holds right now (from the master's <c>/master/frameworks</c>).</summary>
public sealed record OutstandingOffer(string OfferId, string FrameworkId, string? AgentId, string? Role, string Resources);

/// <summary>A framework's used and offered scalars, the two halves of what DRF counts as allocated.</summary>
public sealed record FrameworkHoldings(string FrameworkId, string? Name, ImmutableDictionary<string, double> Used, ImmutableDictionary<string, double> Offered);

/// <summary>
/// The offer-related part of a master's <c>/master/frameworks</c> (present on real Mesos and on the
/// embedded master): each framework's <c>offers</c>, <c>used_resources</c> and <c>offered_resources</c>.
/// </summary>
public sealed record MasterFrameworks(ImmutableArray<OutstandingOffer> Offers, ImmutableArray<FrameworkHoldings> Holdings)
{
    public static MasterFrameworks Empty { get; } = new([], []);

    private static readonly string[] Scalars = ["cpus", "mem", "disk", "gpus"];

    public static MasterFrameworks Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("frameworks", out var frameworks) || frameworks.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("/master/frameworks has no 'frameworks' array.");
        }

        var offers = ImmutableArray.CreateBuilder<OutstandingOffer>();
        var holdings = ImmutableArray.CreateBuilder<FrameworkHoldings>();
        foreach (var framework in frameworks.EnumerateArray())
        {
            if (Text(framework, "id") is not { } id)
            {
                continue;
            }

            holdings.Add(new FrameworkHoldings(id, Text(framework, "name"), Summary(framework, "used_resources"), Summary(framework, "offered_resources")));
            if (framework.TryGetProperty("offers", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var offer in list.EnumerateArray())
                {
                    var role = offer.TryGetProperty("allocation_info", out var info) ? Text(info, "role") : null;
                    offers.Add(new OutstandingOffer(Text(offer, "id") ?? "?", Text(offer, "framework_id") ?? id, Text(offer, "slave_id"), role,
                        Describe(offer)));
                }
            }
        }

        return new MasterFrameworks(offers.ToImmutable(), holdings.ToImmutable());
    }

    private static ImmutableDictionary<string, double> Summary(JsonElement owner, string name)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        if (owner.TryGetProperty(name, out var summary) && summary.ValueKind == JsonValueKind.Object)
        {
            foreach (var kind in Scalars)
            {
                if (summary.TryGetProperty(kind, out var value) && value.ValueKind == JsonValueKind.Number)
                {
                    builder[kind] = value.GetDouble();
                }
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>The offer's resources in the <c>cpus:4;mem:4096</c> form the stream uses too.</summary>
    private static string Describe(JsonElement offer)
    {
        if (!offer.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Object)
        {
            return "";
        }

        var parts = new List<string>();
        foreach (var property in resources.EnumerateObject())
        {
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Number when property.Value.GetDouble() > 0:
                    parts.Add($"{property.Name}:{property.Value.GetDouble().ToString(CultureInfo.InvariantCulture)}");
                    break;
                case JsonValueKind.String:
                    parts.Add($"{property.Name}:{property.Value.GetString()}");
                    break;
            }
        }

        return string.Join(';', parts);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
