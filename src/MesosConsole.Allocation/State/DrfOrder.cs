namespace MesosConsole.Allocation.State;

/// <summary>
/// Dominant Resource Fairness order: lowest dominant share first; ties go to whoever has received
/// fewer allocations so far, then to the lower name, so the order is total and deterministic.
/// </summary>
internal static class DrfOrder
{
    public static readonly IComparer<RoleMembership> Memberships = Comparer<RoleMembership>.Create(
        static (a, b) => Compare(a.DominantShare, a.AllocationCount, a.Framework.Id, b.DominantShare, b.AllocationCount, b.Framework.Id));

    public static readonly IComparer<RoleState> Roles = Comparer<RoleState>.Create(
        static (a, b) => Compare(a.DominantShare, a.AllocationCount, a.Name, b.DominantShare, b.AllocationCount, b.Name));

    /// <summary>
    /// Where the item at <paramref name="index"/> belongs after its share and allocation count grew.
    /// One offer changes one framework and one role, so the rest stays ordered: a binary search to
    /// the right replaces a re-sort.
    /// </summary>
    public static int IndexAfterGrowth<T>(ReadOnlySpan<T> sorted, int index, IComparer<T> comparer)
    {
        var item = sorted[index];
        int low = index + 1, high = sorted.Length; // find the first element that sorts after the item
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (comparer.Compare(sorted[middle], item) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low - 1;
    }

    /// <summary>Moves the element at <paramref name="from"/> right to <paramref name="to"/>, shifting those in between left.</summary>
    public static void MoveRight<T>(Span<T> items, int from, int to)
    {
        var item = items[from];
        items.Slice(from + 1, to - from).CopyTo(items[from..]);
        items[to] = item;
    }

    private static int Compare(double shareA, long countA, string nameA, double shareB, long countB, string nameB)
    {
        var byShare = shareA.CompareTo(shareB);
        if (byShare != 0)
        {
            return byShare;
        }

        var byCount = countA.CompareTo(countB);
        return byCount != 0 ? byCount : string.CompareOrdinal(nameA, nameB);
    }
}
