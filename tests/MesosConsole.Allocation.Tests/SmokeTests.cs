namespace MesosConsole.Allocation.Tests;

public class SmokeTests
{
    [Fact]
    public void Placeholder_Parses() => Assert.True(Resources.TryParse("cpus:1", out _, out _));
}
