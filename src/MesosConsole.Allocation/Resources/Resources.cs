using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Collections.ObjectModel;

namespace MesosConsole.Allocation;

/// <summary>
/// An immutable bag of Mesos resources: scalars (<c>cpus:4</c>), ranges (<c>ports:[31000-32000]</c>)
/// and sets (<c>disks:{a,b}</c>), with value equality. Scalars are fixed-point with 0.001 resolution,
/// a scalar never goes below zero, and empty entries (zero scalars, empty ranges or sets) do not exist.
/// </summary>
public sealed partial class Resources : IEquatable<Resources>
{
    // Each kind is an array sorted by name (ordinal), holding only non-empty values.
    private readonly KeyValuePair<string, long>[] _scalars;
    private readonly KeyValuePair<string, ValueRange[]>[] _ranges;
    private readonly KeyValuePair<string, ImmutableSortedSet<string>>[] _sets;

    // Public dictionary views are built on first use: the allocator's hot paths never need them.
    private IReadOnlyDictionary<string, double>? _scalarView;
    private IReadOnlyDictionary<string, IReadOnlyList<ValueRange>>? _rangeView;
    private IReadOnlyDictionary<string, IReadOnlySet<string>>? _setView;
    private int _hashCode;

    private Resources(
        KeyValuePair<string, long>[] scalars,
        KeyValuePair<string, ValueRange[]>[] ranges,
        KeyValuePair<string, ImmutableSortedSet<string>>[] sets)
    {
        _scalars = scalars;
        _ranges = ranges;
        _sets = sets;
    }

    public static Resources Empty { get; } = new([], [], []);

    public bool IsEmpty => _scalars.Length == 0 && _ranges.Length == 0 && _sets.Length == 0;

    public IReadOnlyDictionary<string, double> Scalars =>
        _scalarView ??= _scalars.ToFrozenDictionary(e => e.Key, e => FixedPoint.ToDouble(e.Value), StringComparer.Ordinal);

    /// <summary>Range lists per name, normalized: sorted, with overlapping and touching ranges merged.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ValueRange>> Ranges =>
        _rangeView ??= _ranges.ToFrozenDictionary(e => e.Key, e => (IReadOnlyList<ValueRange>)Array.AsReadOnly(e.Value), StringComparer.Ordinal);

    public IReadOnlyDictionary<string, IReadOnlySet<string>> Sets =>
        _setView ??= _sets.ToFrozenDictionary(e => e.Key, e => (IReadOnlySet<string>)e.Value, StringComparer.Ordinal);

    /// <summary>The amount of scalar <paramref name="name"/>; 0 when absent.</summary>
    public double Scalar(string name) => FixedPoint.ToDouble(ScalarMilli(name));

    internal long ScalarMilli(string name) => SortedEntries.TryFind(_scalars, name, out var milli) ? milli : 0;

    public static Resources FromScalars(params (string Name, double Value)[] scalars)
    {
        var builder = new ResourcesBuilder();
        foreach (var (name, value) in scalars)
        {
            ResourcesBuilder.ValidateName(name);
            if (!double.IsFinite(value) || value < 0 || value > FixedPoint.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(scalars), value, $"Scalar '{name}' must be a finite number between 0 and {FixedPoint.MaxValue}.");
            }

            builder.AddScalar(name, FixedPoint.ToMilli(value));
        }

        return builder.Build();
    }

    /// <summary>A copy whose ranges named <paramref name="name"/> are replaced (normalized; none removes them).</summary>
    public Resources WithRanges(string name, IEnumerable<ValueRange> ranges)
    {
        ResourcesBuilder.ValidateName(name);
        var normalized = RangeMath.Normalize(ranges);
        return new(_scalars, SortedEntries.With(_ranges, name, normalized.Length == 0 ? null : normalized), _sets);
    }

    /// <summary>A copy whose set named <paramref name="name"/> is replaced (no items removes it).</summary>
    public Resources WithSet(string name, IEnumerable<string> items)
    {
        ResourcesBuilder.ValidateName(name);
        var set = items.ToImmutableSortedSet(StringComparer.Ordinal);
        return new(_scalars, _ranges, SortedEntries.With(_sets, name, set.IsEmpty ? null : set));
    }

    public bool Equals(Resources? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (SortedEntries.AreEqual(_scalars, other._scalars, static (a, b) => a == b)
                && SortedEntries.AreEqual(_ranges, other._ranges, RangeMath.SequenceEqual)
                && SortedEntries.AreEqual(_sets, other._sets, static (a, b) => a.SetEquals(b))));

    public override bool Equals(object? obj) => Equals(obj as Resources);

    public override int GetHashCode()
    {
        if (_hashCode == 0)
        {
            var hash = new HashCode();
            foreach (var (name, milli) in _scalars)
            {
                hash.Add(name);
                hash.Add(milli);
            }

            foreach (var (name, ranges) in _ranges)
            {
                hash.Add(name);
                foreach (var range in ranges)
                {
                    hash.Add(range);
                }
            }

            foreach (var (name, set) in _sets)
            {
                hash.Add(name);
                hash.Add(set.Count);
            }

            // Zero marks "not computed yet"; the rare real zero is just recomputed each time.
            _hashCode = hash.ToHashCode();
        }

        return _hashCode;
    }

    public static bool operator ==(Resources? left, Resources? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Resources? left, Resources? right) => !(left == right);

    /// <summary>Mesos style, e.g. <c>cpus:4; mem:4096; ports:[31000-32000]</c>; <see cref="Parse"/> reads it back.</summary>
    public override string ToString() => ResourcesFormatter.Format(_scalars, _ranges, _sets);
}
