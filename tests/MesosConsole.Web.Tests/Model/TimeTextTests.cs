using MesosConsole.Web.Model;

namespace MesosConsole.Web.Tests.Model;

public sealed class TimeTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 20, 20, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-12, "12 s ago")]
    [InlineData(-180, "3 min ago")]
    [InlineData(-3 * 3600 - 59, "3 h ago")]
    [InlineData(-2 * 86400, "2 d ago")]
    [InlineData(4, "in 4 s")]
    public void Relative_Offset_ReadsAsAPersonWouldSayIt(int seconds, string expected)
    {
        Assert.Equal(expected, TimeText.Relative(Now.AddSeconds(seconds), Now));
    }

    [Fact]
    public void Absolute_AnyOffset_IsWrittenInUtc()
    {
        Assert.Equal("2026-11-25 20:20:00 UTC", TimeText.Absolute(new DateTimeOffset(2026, 11, 25, 21, 20, 0, TimeSpan.FromHours(1))));
    }
}
