using FsCheck;
using FsCheck.Fluent;

namespace MesosConsole.Allocation.Tests;

/// <summary>Algebraic laws of resource arithmetic over random resource sets.</summary>
public class ResourcesPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(500).WithQuietOnSuccess(true);

    private static readonly Gen<Resources> AnyResources =
        from cpus in Gen.Choose(0, 8000)
        from mem in Gen.Choose(0, 64)
        from ranges in Gen.Choose(0, 60).Two().ListOf()
        from items in Gen.Elements("a", "b", "c", "d").ListOf()
        select Resources.FromScalars(("cpus", cpus / 1000.0), ("mem", mem * 32))
            .WithRanges("ports", ranges.Select(r => new ValueRange((ulong)Math.Min(r.Item1, r.Item2), (ulong)Math.Max(r.Item1, r.Item2))))
            .WithSet("disks", items);

    private static readonly Arbitrary<(Resources, Resources)> Pairs = AnyResources.Two().ToArbitrary();

    private static Resources ScalarsOnly(Resources r) => Resources.FromScalars([.. r.Scalars.Select(s => (s.Key, s.Value))]);

    private static Resources WithoutScalars(Resources r) => r - ScalarsOnly(r);

    [Fact]
    public void AddThenSubtract_ScalarsOnly_GivesBackTheOriginal()
    {
        var scalarPairs = AnyResources.Select(ScalarsOnly).Two().ToArbitrary();

        Check.One(Runs, Prop.ForAll(scalarPairs, p => (p.Item1 + p.Item2 - p.Item2).Equals(p.Item1)));
    }

    [Fact]
    public void AddThenSubtract_RangesAndSets_LeaveWhatTheSubtrahendDidNotHave()
    {
        Check.One(Runs, Prop.ForAll(Pairs, p =>
        {
            var roundTrip = p.Item1 + p.Item2 - p.Item2;
            return WithoutScalars(roundTrip).Equals(WithoutScalars(p.Item1 - p.Item2));
        }));
    }

    [Fact]
    public void Sum_ContainsBothParts()
    {
        Check.One(Runs, Prop.ForAll(Pairs, p => (p.Item1 + p.Item2).Contains(p.Item1) && (p.Item1 + p.Item2).Contains(p.Item2)));
    }

    [Fact]
    public void Difference_IsContainedInTheLeftSide()
    {
        Check.One(Runs, Prop.ForAll(Pairs, p => p.Item1.Contains(p.Item1 - p.Item2)));
    }

    [Fact]
    public void IntersectionPlusDifference_RebuildsTheLeftSide()
    {
        Check.One(Runs, Prop.ForAll(Pairs, p => (p.Item1.Intersect(p.Item2) + (p.Item1 - p.Item2)).Equals(p.Item1)));
    }

    [Fact]
    public void Contains_AgreesWithSubtraction()
    {
        Check.One(Runs, Prop.ForAll(Pairs, p => p.Item1.Contains(p.Item2) == (p.Item2 - p.Item1).IsEmpty));
    }

    [Fact]
    public void ToString_ParsesBackToEqualResources()
    {
        Check.One(Runs, Prop.ForAll(AnyResources.ToArbitrary(), r => Resources.Parse(r.ToString()).Equals(r)));
    }
}
