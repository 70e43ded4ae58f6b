namespace MesosConsole.Allocation;

/// <summary>
/// Merge-style helpers over arrays of (name, value) entries sorted by name (ordinal). Resources keep
/// each kind (scalars, ranges, sets) this way: a resource set has a handful of names, so one linear
/// pass beats hashing and allocates only the result.
/// </summary>
internal static class SortedEntries
{
    /// <summary>Combines the values present on both sides; returning false drops the name.</summary>
    public delegate bool CombineBoth<T>(T left, T right, out T result);

    public static KeyValuePair<string, T>[] Merge<T>(
        KeyValuePair<string, T>[] left,
        KeyValuePair<string, T>[] right,
        bool keepLeftOnly,
        bool keepRightOnly,
        CombineBoth<T> both)
    {
        var result = new List<KeyValuePair<string, T>>(left.Length + right.Length);
        int i = 0, j = 0;
        while (i < left.Length || j < right.Length)
        {
            var order = i == left.Length ? 1 : j == right.Length ? -1 : string.CompareOrdinal(left[i].Key, right[j].Key);
            if (order < 0)
            {
                if (keepLeftOnly)
                {
                    result.Add(left[i]);
                }

                i++;
            }
            else if (order > 0)
            {
                if (keepRightOnly)
                {
                    result.Add(right[j]);
                }

                j++;
            }
            else
            {
                if (both(left[i].Value, right[j].Value, out var combined))
                {
                    result.Add(new(left[i].Key, combined));
                }

                i++;
                j++;
            }
        }

        return [.. result];
    }

    /// <summary>True when every name in <paramref name="inner"/> is in <paramref name="outer"/> and covered there.</summary>
    public static bool Includes<T>(KeyValuePair<string, T>[] outer, KeyValuePair<string, T>[] inner, Func<T, T, bool> covers)
    {
        var i = 0;
        foreach (var entry in inner)
        {
            while (i < outer.Length && string.CompareOrdinal(outer[i].Key, entry.Key) < 0)
            {
                i++;
            }

            if (i == outer.Length || outer[i].Key != entry.Key || !covers(outer[i].Value, entry.Value))
            {
                return false;
            }
        }

        return true;
    }

    public static bool AreEqual<T>(KeyValuePair<string, T>[] left, KeyValuePair<string, T>[] right, Func<T, T, bool> equal)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (left[i].Key != right[i].Key || !equal(left[i].Value, right[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    public static bool TryFind<T>(KeyValuePair<string, T>[] entries, string name, out T value)
    {
        foreach (var entry in entries)
        {
            if (entry.Key == name)
            {
                value = entry.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Returns a copy with <paramref name="name"/> set to <paramref name="value"/>, or removed when it is null.</summary>
    public static KeyValuePair<string, T>[] With<T>(KeyValuePair<string, T>[] entries, string name, T? value)
        where T : class
    {
        var rest = entries.Where(e => e.Key != name);
        var updated = value is null ? rest : rest.Append(new(name, value));
        return [.. updated.OrderBy(e => e.Key, StringComparer.Ordinal)];
    }
}
