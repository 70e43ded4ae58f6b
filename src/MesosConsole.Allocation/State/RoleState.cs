using System.Runtime.InteropServices;

namespace MesosConsole.Allocation.State;

/// <summary>A role: the first level of the hierarchy, sorted by the DRF share of everything its frameworks hold.</summary>
internal sealed class RoleState(string name)
{
    // Parallel to Members: the member's slot when it may receive offers, else -1. Rebuilt at the start
    // of each cycle (candidacy cannot change during one) and moved along with Members, so the cycle
    // scans plain ints instead of member objects.
    private int[] _candidateSlots = [];

    public string Name { get; } = name;

    /// <summary>The role's frameworks, kept in DRF order (lowest share first) by the allocator.</summary>
    public List<RoleMembership> Members { get; } = [];

    public FairnessVector Allocated;

    public long AllocationCount { get; set; }

    public double DominantShare { get; set; }

    public ReadOnlySpan<int> CandidateSlots => _candidateSlots.AsSpan(0, Members.Count);

    public void RefreshCandidates()
    {
        if (_candidateSlots.Length < Members.Count)
        {
            _candidateSlots = new int[Math.Max(Members.Count, _candidateSlots.Length * 2)];
        }

        for (var i = 0; i < Members.Count; i++)
        {
            _candidateSlots[i] = Members[i].IsCandidate ? Members[i].Slot : -1;
        }
    }

    /// <summary>Restores DRF order after the member at <paramref name="index"/> received an offer.</summary>
    public void RepositionAfterOffer(int index)
    {
        var members = CollectionsMarshal.AsSpan(Members);
        var target = DrfOrder.IndexAfterGrowth<RoleMembership>(members, index, DrfOrder.Memberships);
        DrfOrder.MoveRight(members, index, target);
        DrfOrder.MoveRight(_candidateSlots.AsSpan(0, members.Length), index, target);
    }
}
