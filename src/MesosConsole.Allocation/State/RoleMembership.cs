namespace MesosConsole.Allocation.State;

/// <summary>
/// A framework within one role: the second level of the hierarchy, and the key of refusal filters
/// and suppression. <see cref="Slot"/> is a small dense number so agents can index filters by array.
/// </summary>
internal sealed class RoleMembership(FrameworkState framework, RoleState role, int slot)
{
    public FrameworkState Framework { get; } = framework;

    public RoleState Role { get; } = role;

    public int Slot { get; } = slot;

    /// <summary>False when the framework left the role but still holds resources in it (kept only for accounting).</summary>
    public bool Subscribed
    {
        get;
        set
        {
            field = value;
            RefreshCandidacy();
        }
    }

    public bool Suppressed
    {
        get;
        set
        {
            field = value;
            RefreshCandidacy();
        }
    }

    /// <summary>May receive offers: subscribed, not suppressed, framework active. Stored, as the cycle reads it millions of times.</summary>
    public bool IsCandidate { get; private set; }

    public FairnessVector Allocated;

    public long AllocationCount { get; set; }

    public double DominantShare { get; set; }

    /// <summary>How many agents hold an allocation for this membership; a left role is forgotten at zero.</summary>
    public int AgentsWithAllocation { get; set; }

    public void RefreshCandidacy() => IsCandidate = Subscribed && !Suppressed && Framework.Active;
}
