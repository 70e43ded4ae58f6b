namespace MesosConsole.Allocation.State;

/// <summary>"Do not offer me this agent again while it has no more than <see cref="Refused"/>, until the expiry."</summary>
internal readonly record struct RefusalFilter(Resources Refused, long ExpiresAtTicks)
{
    /// <summary>
    /// True when <paramref name="other"/> can never apply without this one applying too (this refuses
    /// at least as much, for at least as long), so keeping both would change nothing.
    /// </summary>
    public bool Dominates(RefusalFilter other) => ExpiresAtTicks >= other.ExpiresAtTicks && Refused.Contains(other.Refused);
}
