using System.Collections.Immutable;

namespace MesosConsole.Allocation;

public sealed partial class Resources
{
    public static Resources operator +(Resources left, Resources right) => left.Add(right);

    public static Resources operator -(Resources left, Resources right) => left.Subtract(right);

    /// <summary>Sum: scalars add, range lists and sets are united.</summary>
    public Resources Add(Resources other)
    {
        // Returning an operand unchanged keeps instances shared, which the allocator relies on for
        // cheap "same resources as before" checks (see AgentState).
        if (other.IsEmpty)
        {
            return this;
        }

        if (IsEmpty)
        {
            return other;
        }

        return FromSortedEntries(
            SortedEntries.Merge(_scalars, other._scalars, true, true, static (a, b, out r) => (r = checked(a + b)) > 0),
            SortedEntries.Merge(_ranges, other._ranges, true, true, static (a, b, out r) => (r = RangeMath.Union(a, b)).Length > 0),
            SortedEntries.Merge(_sets, other._sets, true, true, static (a, b, out r) => !(r = a.Union(b)).IsEmpty));
    }

    /// <summary>Difference: scalars floor at zero (and then disappear); covered ranges and set items are removed.</summary>
    public Resources Subtract(Resources other)
    {
        if (ReferenceEquals(this, other))
        {
            return Empty;
        }

        if (other.IsEmpty || IsEmpty)
        {
            return this;
        }

        return FromSortedEntries(
            SortedEntries.Merge(_scalars, other._scalars, true, false, static (a, b, out r) => (r = a - b) > 0),
            SortedEntries.Merge(_ranges, other._ranges, true, false, static (a, b, out r) => (r = RangeMath.Subtract(a, b)).Length > 0),
            SortedEntries.Merge(_sets, other._sets, true, false, static (a, b, out r) => !(r = a.Except(b)).IsEmpty));
    }

    /// <summary>What both have: the smaller of each scalar, common ranges and set items.</summary>
    public Resources Intersect(Resources other)
    {
        if (ReferenceEquals(this, other))
        {
            return this;
        }

        if (other.IsEmpty || IsEmpty)
        {
            return Empty;
        }

        return FromSortedEntries(
            SortedEntries.Merge(_scalars, other._scalars, false, false, static (a, b, out r) => (r = Math.Min(a, b)) > 0),
            SortedEntries.Merge(_ranges, other._ranges, false, false, static (a, b, out r) => (r = RangeMath.Intersect(a, b)).Length > 0),
            SortedEntries.Merge(_sets, other._sets, false, false, static (a, b, out r) => !(r = a.Intersect(b)).IsEmpty));
    }

    /// <summary>True when <paramref name="other"/> ⊆ this: no more of any scalar, every range covered, every set item present.</summary>
    public bool Contains(Resources other) =>
        ReferenceEquals(this, other)
        || (SortedEntries.Includes(_scalars, other._scalars, static (mine, theirs) => mine >= theirs)
            && SortedEntries.Includes(_ranges, other._ranges, RangeMath.Covers)
            && SortedEntries.Includes(_sets, other._sets, static (mine, theirs) => theirs.IsSubsetOf(mine)));

    internal static Resources FromSortedEntries(
        KeyValuePair<string, long>[] scalars,
        KeyValuePair<string, ValueRange[]>[] ranges,
        KeyValuePair<string, ImmutableSortedSet<string>>[] sets) =>
        scalars.Length == 0 && ranges.Length == 0 && sets.Length == 0 ? Empty : new(scalars, ranges, sets);
}
