using System.Collections.Immutable;
using System.Text.Json;

namespace MesosConsole.Web.Offers;

/// <summary>A framework's cumulative offer counters, as a real master reports them per framework.</summary>
public sealed record FrameworkOfferCounters(string FrameworkId, string Name, long Sent, long Accepted, long Declined, long Rescinded)
{
    /// <summary>Roles the master says the framework has suppressed offers for.</summary>
    public ImmutableArray<string> SuppressedRoles { get; init; } = [];
}

/// <summary>
/// What a master's <c>/metrics/snapshot</c> says about offers: the per-framework counters Mesos keeps
/// under <c>master/frameworks/&lt;url-encoded name&gt;/&lt;id&gt;/offers/{sent,accepted,declined,rescinded}</c>
/// (and <c>…/roles/&lt;role&gt;/suppressed</c>), the outstanding offers, and the cluster's totals.
/// </summary>
public sealed record OfferCounters(
    ImmutableDictionary<string, FrameworkOfferCounters> Frameworks,
    long OutstandingOffers,
    long DeclineMessages,
    long OffersTimedOut,
    ImmutableDictionary<string, double> Totals)
{
    public static OfferCounters Empty { get; } = new(ImmutableDictionary<string, FrameworkOfferCounters>.Empty, 0, 0, 0, ImmutableDictionary<string, double>.Empty);

    /// <summary>Reads the flat JSON object of <c>/metrics/snapshot</c>; keys it does not know are ignored.</summary>
    public static OfferCounters Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("/metrics/snapshot is not a JSON object.");
        }

        var frameworks = new Dictionary<string, Builder>(StringComparer.Ordinal);
        var totals = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        long outstanding = 0, declines = 0, timedOut = 0;
        foreach (var metric in root.EnumerateObject())
        {
            if (metric.Value.ValueKind != JsonValueKind.Number)
            {
                continue;
            }

            var value = metric.Value.GetDouble();
            switch (metric.Name)
            {
                case "master/outstanding_offers": outstanding = (long)value; continue;
                case "master/messages_decline_offers": declines = (long)value; continue;
                case "master/offers_timed_out": timedOut = (long)value; continue;
                case "master/cpus_total": totals["cpus"] = value; continue;
                case "master/mem_total": totals["mem"] = value; continue;
                case "master/disk_total": totals["disk"] = value; continue;
                case "master/gpus_total": totals["gpus"] = value; continue;
            }

            if (metric.Name.StartsWith("master/frameworks/", StringComparison.Ordinal))
            {
                ReadFrameworkMetric(metric.Name.Split('/'), value, frameworks);
            }
        }

        return new OfferCounters(
            frameworks.Values.Select(b => b.Build()).ToImmutableDictionary(c => c.FrameworkId, StringComparer.Ordinal),
            outstanding, declines, timedOut, totals.ToImmutable());
    }

    // parts: master / frameworks / <name> / <id> / offers / sent   or   … / <id> / roles / <role…> / suppressed
    private static void ReadFrameworkMetric(string[] parts, double value, Dictionary<string, Builder> frameworks)
    {
        if (parts.Length < 6)
        {
            return;
        }

        var id = parts[3];
        if (!frameworks.TryGetValue(id, out var framework))
        {
            framework = new Builder(id, Uri.UnescapeDataString(parts[2]));
            frameworks[id] = framework;
        }

        if (parts[4] == "offers" && parts.Length == 6)
        {
            switch (parts[5])
            {
                case "sent": framework.Sent = (long)value; break;
                case "accepted": framework.Accepted = (long)value; break;
                case "declined": framework.Declined = (long)value; break;
                case "rescinded": framework.Rescinded = (long)value; break;
            }
        }
        else if (parts[4] == "roles" && parts[^1] == "suppressed" && parts.Length >= 7 && value > 0)
        {
            // Hierarchical roles ("science/physics") contain slashes of their own.
            framework.Suppressed.Add(string.Join('/', parts[5..^1]));
        }
    }

    private sealed class Builder(string id, string name)
    {
        public long Sent { get; set; }
        public long Accepted { get; set; }
        public long Declined { get; set; }
        public long Rescinded { get; set; }
        public List<string> Suppressed { get; } = [];

        public FrameworkOfferCounters Build() => new(id, name, Sent, Accepted, Declined, Rescinded) { SuppressedRoles = [.. Suppressed] };
    }
}
