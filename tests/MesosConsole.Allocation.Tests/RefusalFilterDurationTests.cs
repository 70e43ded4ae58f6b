namespace MesosConsole.Allocation.Tests;

public class RefusalFilterDurationTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData(null, 5.0)]
    [InlineData(double.NaN, 5.0)]
    [InlineData(-1.0, 5.0)]
    [InlineData(double.NegativeInfinity, 5.0)]
    [InlineData(0.0, 0.0)]
    [InlineData(2.5, 2.5)]
    [InlineData(double.PositiveInfinity, 365 * 86400.0)]
    [InlineData(2147483647.0, 365 * 86400.0)]
    public void FromRefuseSeconds_WireValue_FollowsMesosRules(double? refuseSeconds, double expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RefusalFilterDuration.FromRefuseSeconds(refuseSeconds));
    }

    [Theory]
    [InlineData(0.0, null)]
    [InlineData(-2.0, 5.0)]
    [InlineData(0.2, 1.0)]
    [InlineData(30.0, 30.0)]
    [InlineData(400 * 86400.0, 365 * 86400.0)]
    public void Effective_RequestedDuration_IsNormalized(double requestedSeconds, double? expectedSeconds)
    {
        var effective = RefusalFilterDuration.Effective(TimeSpan.FromSeconds(requestedSeconds), Interval);

        Assert.Equal(expectedSeconds is null ? null : TimeSpan.FromSeconds(expectedSeconds.Value), effective);
    }

    [Fact]
    public void Effective_NoDuration_IsNoFilter()
    {
        Assert.Null(RefusalFilterDuration.Effective(null, Interval));
    }
}
