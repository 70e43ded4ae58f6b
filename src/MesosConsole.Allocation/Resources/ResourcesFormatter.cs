using System.Collections.Immutable;

namespace MesosConsole.Allocation;

/// <summary>Writes resources the way Mesos prints them, in a stable order people expect to read.</summary>
internal static class ResourcesFormatter
{
    // The familiar kinds come first, as on an agent's command line; everything else follows by name.
    private static readonly string[] LeadingNames = ["cpus", "gpus", "mem", "disk"];

    public static string Format(
        KeyValuePair<string, long>[] scalars,
        KeyValuePair<string, ValueRange[]>[] ranges,
        KeyValuePair<string, ImmutableSortedSet<string>>[] sets)
    {
        var parts = scalars.Select(e => (e.Key, Kind: 0, Text: FixedPoint.Format(e.Value)))
            .Concat(ranges.Select(e => (e.Key, Kind: 1, Text: $"[{string.Join(",", e.Value)}]")))
            .Concat(sets.Select(e => (e.Key, Kind: 2, Text: $"{{{string.Join(",", e.Value)}}}")))
            .OrderBy(p => Rank(p.Key))
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Kind)
            .Select(p => $"{p.Key}:{p.Text}");
        return string.Join("; ", parts);
    }

    private static int Rank(string name)
    {
        var index = Array.IndexOf(LeadingNames, name);
        return index < 0 ? LeadingNames.Length : index;
    }
}
