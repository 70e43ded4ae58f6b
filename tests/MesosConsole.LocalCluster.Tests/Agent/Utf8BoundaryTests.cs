using System.Text;
using MesosConsole.LocalCluster.Files;

namespace MesosConsole.LocalCluster.Tests.Agent;

/// <summary>Text reads never end inside a multi-byte UTF-8 character.</summary>
public sealed class Utf8BoundaryTests
{
    [Theory]
    [InlineData("abc", 3, 3)]
    [InlineData("aé", 3, 3)] // é = C3 A9, complete
    [InlineData("aé", 2, 1)] // cut after C3
    [InlineData("a€", 3, 1)] // € = E2 82 AC, cut after two of three bytes
    [InlineData("a😀", 4, 1)] // 😀 = F0 9F 98 80, cut after three of four bytes
    [InlineData("a😀", 5, 5)]
    public void CompleteLength_PrefixOfText_DropsOnlyAnUnfinishedCharacter(string text, int prefixBytes, int expected)
    {
        var bytes = Encoding.UTF8.GetBytes(text).AsSpan(0, prefixBytes);

        Assert.Equal(expected, Utf8Boundary.CompleteLength(bytes));
    }

    [Fact]
    public void CompleteLength_InvalidBytes_AreLeftAlone()
    {
        Assert.Equal(2, Utf8Boundary.CompleteLength([(byte)'a', 0xFF]));
        Assert.Equal(4, Utf8Boundary.CompleteLength([0x80, 0x80, 0x80, 0x80]));
    }
}
