using System.Buffers;
using System.Globalization;

namespace MesosConsole.Allocation;

/// <summary>
/// Reads the Mesos <c>--resources</c> syntax: <c>name[(role)]:value</c> items separated by <c>;</c>, where
/// value is a number, a range list <c>[a-b,c-d]</c> or a set <c>{x,y}</c>. Whitespace around items and
/// inside lists is tolerated; an empty item (a trailing <c>;</c>) is skipped; repeated names add up.
/// The role suffix is accepted and ignored: this allocator has no reservations, so every resource
/// is unreserved (role <c>*</c>).
/// </summary>
internal static class ResourcesParser
{
    private static readonly SearchValues<char> RoleBreakers = SearchValues.Create("()");
    private static readonly SearchValues<char> SetItemBreakers = SearchValues.Create("{}[]:;");

    public static bool TryParse(string text, out Resources? resources, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new ResourcesBuilder();
        foreach (var rawItem in text.Split(';'))
        {
            var item = rawItem.Trim();
            if (item.Length > 0 && (error = TryAdd(item, builder)) is not null)
            {
                resources = null;
                return false;
            }
        }

        resources = builder.Build();
        error = null;
        return true;
    }

    /// <summary>Adds one <c>name:value</c> item; returns the error message, or null on success.</summary>
    private static string? TryAdd(string item, ResourcesBuilder builder)
    {
        var colon = item.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return $"Resource '{item}' has no ':' between name and value (expected e.g. 'cpus:2').";
        }

        if (StripRole(item[..colon].Trim(), out var name) is { } roleProblem)
        {
            return $"Resource '{item}' {roleProblem}.";
        }

        if (ResourcesBuilder.NameProblem(name) is { } nameProblem)
        {
            return $"Resource '{item}' {nameProblem}.";
        }

        var value = item[(colon + 1)..].Trim();
        var kind = value switch { ['[', ..] => "range", ['{', ..] => "set", _ => "scalar" };
        if (builder.KindOf(name) is { } earlier && earlier != kind)
        {
            return $"Resource '{item}' is a {kind} but '{name}' was already given as a {earlier}.";
        }

        var problem = kind switch
        {
            "range" => TryAddRanges(name, value, builder),
            "set" => TryAddSet(name, value, builder),
            _ => TryAddScalar(name, value, builder),
        };
        return problem is null ? null : $"Resource '{item}' {problem}.";
    }

    private static string? StripRole(string nameAndRole, out string name)
    {
        name = nameAndRole;
        var open = nameAndRole.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return nameAndRole.Contains(')', StringComparison.Ordinal) ? "has a ')' without a matching '('" : null;
        }

        if (!nameAndRole.EndsWith(')'))
        {
            return "has a role that is not closed with ')' before ':'";
        }

        var role = nameAndRole[(open + 1)..^1].Trim();
        if (role.Length == 0 || role.AsSpan().ContainsAny(RoleBreakers) || role.Any(char.IsWhiteSpace))
        {
            return $"has an invalid role '({role})'";
        }

        name = nameAndRole[..open].Trim();
        return null;
    }

    private static string? TryAddScalar(string name, string value, ResourcesBuilder builder)
    {
        if (value.Length == 0)
        {
            return "has no value after ':'";
        }

        if (!double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number)
            || !double.IsFinite(number))
        {
            return $"has value '{value}', which is not a number, a range list like [31000-32000] or a set like {{a,b}}";
        }

        if (number < 0)
        {
            return $"has a negative amount '{value}'";
        }

        if (number > FixedPoint.MaxValue)
        {
            return $"has an amount '{value}' larger than {FixedPoint.MaxValue:0}";
        }

        builder.AddScalar(name, FixedPoint.ToMilli(number));
        return null;
    }

    private static string? TryAddRanges(string name, string value, ResourcesBuilder builder)
    {
        if (!value.EndsWith(']'))
        {
            return "has a range list whose '[' is not closed with ']'";
        }

        var inner = value[1..^1].Trim();
        var ranges = new List<ValueRange>();
        // "[]" is an empty list: allowed, it simply adds nothing.
        foreach (var rawPart in inner.Length == 0 ? [] : inner.Split(','))
        {
            var part = rawPart.Trim();
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0
                || !ulong.TryParse(part[..dash].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var begin)
                || !ulong.TryParse(part[(dash + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var end))
            {
                return $"has range '{part}', which is not 'begin-end' with whole non-negative numbers";
            }

            if (begin > end)
            {
                return $"has range '{part}', which ends before it begins";
            }

            ranges.Add(new ValueRange(begin, end));
        }

        builder.AddRanges(name, ranges);
        return null;
    }

    private static string? TryAddSet(string name, string value, ResourcesBuilder builder)
    {
        if (!value.EndsWith('}'))
        {
            return "has a set whose '{' is not closed with '}'";
        }

        var inner = value[1..^1].Trim();
        // "{}" is an empty set: allowed, it simply adds nothing.
        var items = inner.Length == 0 ? [] : inner.Split(',').Select(i => i.Trim()).ToArray();
        if (items.Any(i => i.Length == 0))
        {
            return "has an empty item in its set (two commas in a row, or a comma at an end)";
        }

        if (items.FirstOrDefault(i => i.AsSpan().ContainsAny(SetItemBreakers)) is { } bad)
        {
            return $"has an invalid set item '{bad}'";
        }

        builder.AddSet(name, items);
        return null;
    }
}
