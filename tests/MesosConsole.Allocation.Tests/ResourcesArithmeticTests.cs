using static MesosConsole.Allocation.Tests.AllocatorHarness;

namespace MesosConsole.Allocation.Tests;

public class ResourcesArithmeticTests
{
    [Fact]
    public void Add_DecimalScalars_AreExact()
    {
        var sum = Resources.FromScalars(("cpus", 0.1)) + Resources.FromScalars(("cpus", 0.2));

        Assert.Equal(0.3, sum.Scalar("cpus"));
    }

    [Fact]
    public void AddThenSubtract_ManyTimes_NeverDrifts()
    {
        var pool = R("cpus:4;mem:4096");
        var slice = R("cpus:0.1;mem:0.7");
        var taken = Resources.Empty;

        for (var i = 0; i < 1000; i++)
        {
            pool -= slice;
            taken += slice;
        }

        Assert.Equal(R("cpus:100;mem:700"), taken);
        Assert.Equal(R("mem:3396"), pool); // 1000 × 0.1 cpus took all 4 and then floored at zero

        for (var i = 0; i < 1000; i++)
        {
            pool += slice;
        }

        Assert.Equal(R("cpus:100;mem:4096"), pool);
    }

    [Fact]
    public void Subtract_MoreThanPresent_FloorsAtZeroAndDropsTheScalar()
    {
        var result = R("cpus:1;mem:512") - R("cpus:3;mem:12");

        Assert.Equal(0, result.Scalar("cpus"));
        Assert.False(result.Scalars.ContainsKey("cpus"));
        Assert.Equal(500, result.Scalar("mem"));
    }

    [Fact]
    public void Subtract_InnerRange_SplitsTheList()
    {
        var result = R("ports:[1-10]") - R("ports:[3-4,8-8]");

        Assert.Equal([new ValueRange(1, 2), new ValueRange(5, 7), new ValueRange(9, 10)], result.Ranges["ports"]);
    }

    [Fact]
    public void Subtract_WholeRangeAndSet_RemovesTheNames()
    {
        var result = R("ports:[1-10];disks:{a,b};cpus:1") - R("ports:[0-20];disks:{a,b,c}");

        Assert.Equal(R("cpus:1"), result);
    }

    [Fact]
    public void Add_TouchingRangesAndSets_MergeIntoOne()
    {
        var result = R("ports:[1-5];disks:{a}") + R("ports:[6-9];disks:{b}");

        Assert.Equal("disks:{a,b}; ports:[1-9]", result.ToString());
    }

    [Fact]
    public void Add_RangeEndingAtMaximum_DoesNotOverflow()
    {
        var result = Resources.Empty.WithRanges("ids", [new ValueRange(ulong.MaxValue - 1, ulong.MaxValue), new ValueRange(0, 1)]);

        Assert.Equal([new ValueRange(0, 1), new ValueRange(ulong.MaxValue - 1, ulong.MaxValue)], result.Ranges["ids"]);
    }

    [Fact]
    public void Intersect_KeepsWhatBothHave()
    {
        var result = R("cpus:4;mem:100;ports:[1-10];disks:{a,b}").Intersect(R("cpus:1;disk:5;ports:[5-20];disks:{b,c}"));

        Assert.Equal(R("cpus:1;ports:[5-10];disks:{b}"), result);
    }

    [Fact]
    public void Equals_SameContentBuiltDifferently_IsEqualWithEqualHash()
    {
        var parsed = R("mem:1024;cpus:2;ports:[5-6,1-4]");
        var built = Resources.FromScalars(("cpus", 1), ("mem", 1024), ("cpus", 1)).WithRanges("ports", [new(1, 6)]);

        Assert.Equal(parsed, built);
        Assert.True(parsed == built);
        Assert.Equal(parsed.GetHashCode(), built.GetHashCode());
    }

    [Theory]
    [InlineData("cpus:2", "cpus:2.001")]
    [InlineData("cpus:2", "cpus:2;mem:1")]
    [InlineData("ports:[1-5]", "ports:[1-6]")]
    [InlineData("disks:{a}", "disks:{b}")]
    public void Equals_DifferentContent_IsNotEqual(string left, string right)
    {
        Assert.NotEqual(R(left), R(right));
        Assert.True(R(left) != R(right));
    }

    [Fact]
    public void FromScalars_NegativeAmount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Resources.FromScalars(("cpus", -1)));
    }

    [Fact]
    public void WithRanges_NoRanges_RemovesTheName()
    {
        Assert.Equal(R("cpus:1"), R("cpus:1;ports:[1-2]").WithRanges("ports", []));
    }

    [Fact]
    public void WithRanges_BackwardsRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => Resources.Empty.WithRanges("ports", [new ValueRange(5, 1)]));
    }

    [Fact]
    public void WithSet_ReplacesTheSet()
    {
        Assert.Equal(R("disks:{c}"), R("disks:{a,b}").WithSet("disks", ["c"]));
    }

    [Fact]
    public void Views_AreReadOnly()
    {
        var resources = R("cpus:1;ports:[1-2]");

        Assert.Throws<NotSupportedException>(() => ((IDictionary<string, double>)resources.Scalars)["cpus"] = 5);
        Assert.Throws<NotSupportedException>(() => ((IList<ValueRange>)resources.Ranges["ports"])[0] = new ValueRange(9, 9));
    }
}
