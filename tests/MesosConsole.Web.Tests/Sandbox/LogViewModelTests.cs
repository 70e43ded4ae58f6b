using MesosConsole.Web.Components.Sandbox;
using MesosConsole.Web.Sandbox;

namespace MesosConsole.Web.Tests.Sandbox;

public sealed class LogViewModelTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 20, 0, 0, TimeSpan.Zero);

    private static LogBatch Batch(long skipped = 0, params string[] lines) =>
        new([.. lines.Select((t, i) => new LogLine(i, t, At))], skipped, TailStatus.Following);

    [Fact]
    public void Append_Paused_HoldsLinesUntilResumeThenShowsThemInOrder()
    {
        var model = new LogViewModel();
        model.Append(0, Batch(0, "a"));

        model.Pause();
        model.Append(0, Batch(0, "b", "c"));
        Assert.Equal(["a"], model.Entries.Select(e => e.Text));
        Assert.Equal(2, model.HeldCount);

        model.Resume();
        Assert.Equal(["a", "b", "c"], model.Entries.Select(e => e.Text));
        Assert.Equal(0, model.HeldCount);
    }

    [Fact]
    public void Append_Skipped_AddsAVisibleMarkerBeforeTheLines()
    {
        var model = new LogViewModel();

        model.Append(0, Batch(42, "after"));

        Assert.Equal(LogEntryKind.Skipped, model.Entries[0].Kind);
        Assert.Contains("42 lines skipped", model.Entries[0].Text, StringComparison.Ordinal);
        Assert.Equal("after", model.Entries[1].Text);
    }

    [Fact]
    public void Append_BeyondMaxLines_DropsTheOldestAndCountsThem()
    {
        var model = new LogViewModel(maxLines: 10);

        model.Append(0, Batch(0, [.. Enumerable.Range(0, 12).Select(i => $"{i}")]));

        Assert.Equal(10, model.Entries.Count);
        Assert.Equal("2", model.Entries[0].Text);
        Assert.Equal(2, model.Trimmed);
    }

    [Fact]
    public void SetSearch_CountsMatchingLinesCaseInsensitivelyAndKeepsCountingNewOnes()
    {
        var model = new LogViewModel();
        model.Append(0, Batch(0, "Error: disk", "fine", "another error"));

        model.SetSearch("ERROR");
        Assert.Equal(2, model.MatchCount);

        model.Append(0, Batch(0, "error again"));
        Assert.Equal(3, model.MatchCount);
    }

    [Fact]
    public void Segments_MarksEveryMatchAndKeepsTheRestAsIs()
    {
        Assert.Equal(
            [("a ", false), ("Err", true), (" b ", false), ("err", true)],
            LogViewModel.Segments("a Err b err", "err"));
        Assert.Equal([("<img src=x>", false)], LogViewModel.Segments("<img src=x>", null));
    }
}
