namespace MesosConsole.Allocation.State;

/// <summary>
/// One agent: its total, what is still available, what each role membership holds on it, its
/// refusal filters, and the cached verdict of the last cycle that found nobody to offer it to.
/// Invariant: <c>Available + Σ Allocations == Total</c>.
/// </summary>
internal sealed class AgentState
{
    private readonly AllocatableMinimum _minimum;
    private readonly RefusalFilterTable _filters = new();

    public AgentState(string id, Resources total, AllocatableMinimum minimum)
    {
        Id = id;
        Total = total;
        TotalVector = FairnessVector.Of(total);
        _minimum = minimum;
        SetAvailable(total);
    }

    public string Id { get; }

    public Resources Total { get; }

    public FairnessVector TotalVector { get; }

    public Resources Available { get; private set; } = Resources.Empty;

    /// <summary>Whether <see cref="Available"/> is big enough to be worth an offer.</summary>
    public bool IsAllocatable { get; private set; }

    public Dictionary<RoleMembership, Resources> Allocations { get; } = [];

    /// <summary>
    /// Set when availability or filters change. While false and <see cref="VerdictEpoch"/> equals the
    /// allocator's eligibility epoch, the last "no framework can take this agent" verdict still holds.
    /// </summary>
    public bool NeedsEvaluation { get; private set; } = true;

    public long VerdictEpoch { get; private set; } = -1;

    public void RecordNoOffer(long epoch)
    {
        NeedsEvaluation = false;
        VerdictEpoch = epoch;
    }

    // Every filter change may turn the cached verdict, so each one marks the agent for evaluation.

    public void AddFilter(int slot, Resources refused, long expiresAtTicks)
    {
        _filters.Add(slot, refused, expiresAtTicks, Available);
        NeedsEvaluation = true;
    }

    public void RemoveFilters(int slot) => NeedsEvaluation |= _filters.Remove(slot);

    public void RemoveExpiredFilters(long nowTicks, List<int>? expiredSlots) =>
        NeedsEvaluation |= _filters.RemoveExpired(nowTicks, expiredSlots);

    /// <summary>The index of the first of <paramref name="slots"/> (negatives skipped) not kept from this agent by a filter, or -1.</summary>
    public int FirstUnfiltered(ReadOnlySpan<int> slots) => _filters.FirstUnfiltered(slots, Available);

    public RefusalFilter? FindFilter(int slot) => _filters.Find(slot, Available);

    /// <summary>Moves <paramref name="resources"/> (a subset of what is available) to the membership.</summary>
    public void Allocate(RoleMembership membership, Resources resources)
    {
        if (Allocations.TryGetValue(membership, out var held))
        {
            Allocations[membership] = held + resources;
        }
        else
        {
            Allocations[membership] = resources;
            membership.AgentsWithAllocation++;
        }

        SetAvailable(Available - resources);
    }

    /// <summary>Returns to the pool whatever part of <paramref name="resources"/> the membership holds here, and says what that was.</summary>
    public Resources Recover(RoleMembership membership, Resources resources)
    {
        if (!Allocations.TryGetValue(membership, out var held))
        {
            return Resources.Empty;
        }

        var recovered = held.Intersect(resources);
        if (recovered.IsEmpty)
        {
            return recovered;
        }

        Release(membership, held - recovered);
        SetAvailable(Available + recovered);
        return recovered;
    }

    /// <summary>Returns everything the membership holds here to the pool; says what that was.</summary>
    public Resources RecoverAll(RoleMembership membership)
    {
        if (!Allocations.TryGetValue(membership, out var held))
        {
            return Resources.Empty;
        }

        Release(membership, Resources.Empty);
        SetAvailable(Available + held);
        return held;
    }

    private void Release(RoleMembership membership, Resources remaining)
    {
        if (remaining.IsEmpty)
        {
            Allocations.Remove(membership);
            membership.AgentsWithAllocation--;
        }
        else
        {
            Allocations[membership] = remaining;
        }
    }

    private void SetAvailable(Resources available)
    {
        // Coming back to a familiar set (everything free, or what was last refused) reuses that
        // instance, so refusal filters recognise it by reference instead of by comparison.
        Available = available.Equals(Total) ? Total
            : _filters.LastRefused is { } refused && refused.Equals(available) ? refused
            : available;
        IsAllocatable = !Available.IsEmpty && _minimum.IsMet(Available);
        NeedsEvaluation = true;
    }
}
