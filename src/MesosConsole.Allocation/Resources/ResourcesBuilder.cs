using System.Buffers;
using System.Collections.Immutable;

namespace MesosConsole.Allocation;

/// <summary>Accumulates resources name by name (summing repeats) and produces a normalized <see cref="Resources"/>.</summary>
internal sealed class ResourcesBuilder
{
    private static readonly SearchValues<char> ReservedCharacters = SearchValues.Create(":;()[]{},");

    private readonly Dictionary<string, long> _scalars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ValueRange>> _ranges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _sets = new(StringComparer.Ordinal);

    /// <summary>Why <paramref name="name"/> cannot name a resource, or null when it can.</summary>
    public static string? NameProblem(string name) =>
        name.Length == 0 ? "has no name"
        : name.AsSpan().ContainsAny(ReservedCharacters) || name.Any(char.IsWhiteSpace)
            ? $"has an invalid name '{name}' (names cannot contain spaces or any of : ; ( ) [ ] {{ }} ,)"
            : null;

    public static void ValidateName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (NameProblem(name) is { } problem)
        {
            throw new ArgumentException($"The resource {problem}.", nameof(name));
        }
    }

    /// <summary>The kind already recorded under <paramref name="name"/> ("scalar", "range" or "set"), if any.</summary>
    public string? KindOf(string name) =>
        _scalars.ContainsKey(name) ? "scalar" : _ranges.ContainsKey(name) ? "range" : _sets.ContainsKey(name) ? "set" : null;

    public void AddScalar(string name, long milli) =>
        _scalars[name] = checked(_scalars.GetValueOrDefault(name) + milli);

    public void AddRanges(string name, IEnumerable<ValueRange> ranges)
    {
        if (!_ranges.TryGetValue(name, out var list))
        {
            _ranges[name] = list = [];
        }

        list.AddRange(ranges);
    }

    public void AddSet(string name, IEnumerable<string> items)
    {
        if (!_sets.TryGetValue(name, out var set))
        {
            _sets[name] = set = new(StringComparer.Ordinal);
        }

        set.UnionWith(items);
    }

    public Resources Build() => Resources.FromSortedEntries(
        Sorted(_scalars.Where(e => e.Value > 0)),
        Sorted(_ranges.Select(e => KeyValuePair.Create(e.Key, RangeMath.Normalize(e.Value))).Where(e => e.Value.Length > 0)),
        Sorted(_sets.Where(e => e.Value.Count > 0).Select(e => KeyValuePair.Create(e.Key, e.Value.ToImmutableSortedSet(StringComparer.Ordinal)))));

    private static KeyValuePair<string, T>[] Sorted<T>(IEnumerable<KeyValuePair<string, T>> entries) =>
        [.. entries.OrderBy(e => e.Key, StringComparer.Ordinal)];
}
