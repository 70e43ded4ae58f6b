using System.Globalization;

namespace MesosConsole.Web.Offers;

/// <summary>
/// The teaching text for each decision: what happened and why it matters, naming frameworks by name.
/// Kinds without a story of their own keep the master's sentence.
/// </summary>
public static class OfferExplanations
{
    public static string Explain(AllocatorDecision d, IReadOnlyDictionary<string, string> names)
    {
        var framework = d.FrameworkId is { } id ? Name(id, names) : "a framework";
        var agent = d.AgentId ?? "an agent";
        return d.Kind switch
        {
            DecisionKind.OfferMade =>
                $"Offered everything free on agent {agent} ({d.Resources}) to {framework}. Its dominant share was {Percent(d.DominantShareBefore)}, " +
                $"the lowest of the frameworks that could take it, so DRF picked it first{(d.DominantShare is { } after ? $"; counting this offer it is now {Percent(after)}" : "")}.",
            DecisionKind.OfferDeclined => d.RefuseSeconds is > 0
                ? $"{Capital(framework)} declined offer {d.OfferId} on agent {agent} and asked not to see that agent for {Seconds(d.RefuseSeconds.Value)} (a refusal filter). The resources go back to the pool for others."
                : $"{Capital(framework)} declined offer {d.OfferId} on agent {agent} with no filter: it may get the same resources again in the next cycle.",
            DecisionKind.OfferAccepted =>
                $"{Capital(framework)} accepted offer {d.OfferId} on agent {agent} and launched {d.TasksLaunched ?? 0} task(s). Whatever it did not use goes back to the allocator.",
            DecisionKind.OfferRescinded =>
                $"The master took back offer {d.OfferId} from {framework}: it was held too long without an answer. Its resources can be offered again.",
            DecisionKind.FilterAdded =>
                $"Refusal filter: {framework} will not be offered agent {agent} until {Clock(d.FilterUntil)}, unless the agent gets more free resources than were refused.",
            DecisionKind.FilterExpired => $"The refusal filter of {framework} on agent {agent} expired: the agent can be offered to it again.",
            DecisionKind.FrameworkSkipped => $"Skipped {framework} for agent {agent}: {d.Reason}.",
            DecisionKind.Suppressed => $"{Capital(framework)} suppressed offers for role(s) {string.Join(", ", d.Roles)}: it has nothing to run and asked for no more offers.",
            DecisionKind.Revived => $"{Capital(framework)} revived offers for role(s) {string.Join(", ", d.Roles)}: it wants offers again, and its refusal filters were cleared.",
            DecisionKind.Cycle => d.OffersMade is > 0
                ? $"Allocation cycle done: {d.OffersMade} offer(s) made."
                : "Allocation cycle done: no offer made (nothing free, or every framework filtered or suppressed).",
            DecisionKind.Paused => "The allocator is paused: no cycle runs on its own. Press \"Step one cycle\" to run exactly one.",
            DecisionKind.Resumed => "The allocator is running again on its timer.",
            DecisionKind.Step => "Running one allocation cycle by hand.",
            _ => d.Message,
        };
    }

    public static string Name(string frameworkId, IReadOnlyDictionary<string, string> names) =>
        names.TryGetValue(frameworkId, out var name) && name.Length > 0 ? $"framework '{name}'" : $"framework {frameworkId}";

    public static string Percent(double? share) => share is { } s ? s.ToString("0.#%", CultureInfo.InvariantCulture) : "unknown";

    private static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private static string Clock(DateTimeOffset? at) => at?.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture) ?? "later";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
