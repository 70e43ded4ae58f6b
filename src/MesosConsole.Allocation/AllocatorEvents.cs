using System.Globalization;

namespace MesosConsole.Allocation;

// The allocator's teaching stream (HierarchicalAllocator.Decision): one small record per decision,
// each able to say what happened in one plain sentence for the console's "offers" view.

public abstract record AllocatorEvent(DateTimeOffset At)
{
    public abstract string Describe();

    private protected static string Percent(double share) => share.ToString("0.#%", CultureInfo.InvariantCulture);

    private protected static string Time(DateTimeOffset at) => at.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}

public sealed record CycleCompleted(DateTimeOffset At, int OffersMade, TimeSpan Duration) : AllocatorEvent(At)
{
    public override string Describe() =>
        $"Allocation cycle made {OffersMade} offer(s) in {Duration.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)} ms.";
}

public sealed record OfferMade(DateTimeOffset At, string FrameworkId, string AgentId, string Role, Resources Resources, double DominantShareBefore)
    : AllocatorEvent(At)
{
    public override string Describe() =>
        $"Offered {Resources} on agent {AgentId} to framework {FrameworkId} (role {Role}): its dominant share, {Percent(DominantShareBefore)}, was the lowest among those that could take it.";
}

public sealed record AgentFilteredOut(DateTimeOffset At, string FrameworkId, string AgentId, string Role, string Reason) : AllocatorEvent(At)
{
    public override string Describe() => $"Skipped framework {FrameworkId} (role {Role}) for agent {AgentId}: {Reason}.";
}

public sealed record FilterAdded(DateTimeOffset At, string FrameworkId, string AgentId, string Role, Resources Refused, DateTimeOffset Expires)
    : AllocatorEvent(At)
{
    public override string Describe() =>
        $"Framework {FrameworkId} (role {Role}) refused {Refused} on agent {AgentId}; it will not be offered that agent again until {Time(Expires)} unless the agent gets more to offer.";
}

public sealed record FilterExpired(DateTimeOffset At, string FrameworkId, string AgentId, string Role) : AllocatorEvent(At)
{
    public override string Describe() => $"The refusal by framework {FrameworkId} (role {Role}) of agent {AgentId} expired.";
}

public sealed record FrameworkSuppressed(DateTimeOffset At, string FrameworkId, IReadOnlyList<string> Roles) : AllocatorEvent(At)
{
    public override string Describe() => $"Framework {FrameworkId} asked for no more offers for role(s) {string.Join(", ", Roles)}.";
}

public sealed record FrameworkRevived(DateTimeOffset At, string FrameworkId, IReadOnlyList<string> Roles) : AllocatorEvent(At)
{
    public override string Describe() =>
        $"Framework {FrameworkId} asked for offers again for role(s) {string.Join(", ", Roles)}; its refusals for them were cleared.";
}
