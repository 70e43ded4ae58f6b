using MesosConsole.Web.Sandbox;

namespace MesosConsole.Web.Tests.Sandbox;

public sealed class LogLineSplitterTests
{
    [Fact]
    public void Split_LineCutBetweenReads_IsHeldUntilItsNewline()
    {
        var splitter = new LogLineSplitter();
        var lines = new List<string>();

        splitter.Split("one\ntw", lines);
        Assert.Equal(["one"], lines);
        Assert.Equal(2, splitter.PendingLength);

        splitter.Split("o\nthree", lines);
        Assert.Equal(["one", "two"], lines);

        splitter.Split("\n", lines);
        Assert.Equal(["one", "two", "three"], lines);
        Assert.Equal(0, splitter.PendingLength);
    }

    [Fact]
    public void Split_CrLf_DropsTheCarriageReturnEvenWhenTheReadEndsBetweenThem()
    {
        var splitter = new LogLineSplitter();
        var lines = new List<string>();

        splitter.Split("dos\r\nsplit\r", lines);
        splitter.Split("\nkept\rinside\n", lines);

        Assert.Equal(["dos", "split", "kept\rinside"], lines);
    }

    [Fact]
    public void Split_EmptyLines_AreKept()
    {
        var splitter = new LogLineSplitter();
        var lines = new List<string>();

        splitter.Split("a\n\n\nb\n", lines);

        Assert.Equal(["a", "", "", "b"], lines);
    }

    [Fact]
    public void Split_LineLongerThanTheLimit_IsCutIntoPieces()
    {
        var splitter = new LogLineSplitter(maxLineLength: 4);
        var lines = new List<string>();

        splitter.Split("abcdefghij", lines);
        splitter.Split("k\n", lines);

        Assert.Equal(["abcd", "efgh", "ijk"], lines);
    }

    [Fact]
    public void Reset_AfterTruncation_ForgetsTheUnfinishedLine()
    {
        var splitter = new LogLineSplitter();
        var lines = new List<string>();
        splitter.Split("old partial", lines);

        splitter.Reset();
        splitter.Split("new\n", lines);

        Assert.Equal(["new"], lines);
    }
}
