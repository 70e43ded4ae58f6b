namespace MesosConsole.Allocation;

/// <summary>
/// Set algebra on range lists. Every input and output is normalized: sorted by <c>Begin</c>, with no
/// two ranges overlapping or touching (touching ranges are merged), which makes every operation a
/// single merge-style pass.
/// </summary>
internal static class RangeMath
{
    public static ValueRange[] Normalize(IEnumerable<ValueRange> ranges)
    {
        var sorted = ranges.ToArray();
        foreach (var range in sorted)
        {
            if (range.Begin > range.End)
            {
                throw new ArgumentException($"Range {range.Begin}-{range.End} ends before it begins.", nameof(ranges));
            }
        }

        if (sorted.Length < 2)
        {
            return sorted;
        }

        Array.Sort(sorted, static (a, b) => a.Begin.CompareTo(b.Begin));
        var merged = new List<ValueRange>(sorted.Length) { sorted[0] };
        for (var i = 1; i < sorted.Length; i++)
        {
            var last = merged[^1];
            var next = sorted[i];
            // "Touching" is End + 1 == Begin; written this way so End == ulong.MaxValue cannot overflow.
            if (next.Begin <= last.End || next.Begin - 1 <= last.End)
            {
                merged[^1] = last with { End = Math.Max(last.End, next.End) };
            }
            else
            {
                merged.Add(next);
            }
        }

        return [.. merged];
    }

    public static ValueRange[] Union(ValueRange[] left, ValueRange[] right) =>
        right.Length == 0 ? left : left.Length == 0 ? right : Normalize(left.Concat(right));

    public static ValueRange[] Subtract(ValueRange[] left, ValueRange[] right)
    {
        if (right.Length == 0 || left.Length == 0)
        {
            return left;
        }

        var result = new List<ValueRange>(left.Length + 1);
        var j = 0;
        foreach (var range in left)
        {
            var begin = range.Begin;
            var end = range.End;
            var empty = false;
            while (j < right.Length && right[j].End < begin)
            {
                j++;
            }

            // Cut out every right-hand range overlapping [begin, end]; keep the pieces in between.
            for (var k = j; k < right.Length && right[k].Begin <= end; k++)
            {
                var cut = right[k];
                if (cut.Begin > begin)
                {
                    result.Add(new ValueRange(begin, cut.Begin - 1));
                }

                if (cut.End >= end)
                {
                    empty = true;
                    break;
                }

                begin = cut.End + 1;
            }

            if (!empty)
            {
                result.Add(new ValueRange(begin, end));
            }
        }

        return [.. result];
    }

    public static ValueRange[] Intersect(ValueRange[] left, ValueRange[] right)
    {
        var result = new List<ValueRange>();
        int i = 0, j = 0;
        while (i < left.Length && j < right.Length)
        {
            var begin = Math.Max(left[i].Begin, right[j].Begin);
            var end = Math.Min(left[i].End, right[j].End);
            if (begin <= end)
            {
                result.Add(new ValueRange(begin, end));
            }

            if (left[i].End < right[j].End)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return [.. result];
    }

    /// <summary>True when every number in <paramref name="inner"/> is also in <paramref name="outer"/>.</summary>
    public static bool Covers(ValueRange[] outer, ValueRange[] inner)
    {
        var i = 0;
        foreach (var range in inner)
        {
            while (i < outer.Length && outer[i].End < range.Begin)
            {
                i++;
            }

            // Normalized lists never split a covered range across two outer ranges, so one must hold it whole.
            if (i == outer.Length || outer[i].Begin > range.Begin || outer[i].End < range.End)
            {
                return false;
            }
        }

        return true;
    }

    public static bool SequenceEqual(ValueRange[] left, ValueRange[] right) => left.AsSpan().SequenceEqual(right);
}
