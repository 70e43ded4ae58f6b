using MesosConsole.Web.Sandbox;

namespace MesosConsole.Web.Tests.Sandbox;

public sealed class LogLineBufferTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 20, 0, 0, TimeSpan.Zero);

    private static LogLine[] Lines(int from, int count) =>
        [.. Enumerable.Range(from, count).Select(i => new LogLine(i, $"line {i}", At))];

    [Fact]
    public void Read_New_GivesTheStatusAtOnceEvenWithoutLines()
    {
        var buffer = new LogLineBuffer(10, TailStatus.Starting);

        Assert.True(buffer.TryRead(100, out var batch));
        Assert.Empty(batch.Lines);
        Assert.Equal(TailState.Starting, batch.Status.State);
        Assert.False(buffer.TryRead(100, out _));
    }

    [Fact]
    public void Write_MoreThanCapacity_DropsTheOldestAndReportsHowManyBeforeTheRest()
    {
        var buffer = new LogLineBuffer(3, TailStatus.Following);
        buffer.TryRead(100, out _);

        buffer.Write(Lines(0, 5), TailStatus.Following);

        Assert.True(buffer.TryRead(100, out var batch));
        Assert.Equal(2, batch.Skipped);
        Assert.Equal(["line 2", "line 3", "line 4"], batch.Lines.Select(l => l.Text));
        // Reported once: the next batch starts clean.
        buffer.Write(Lines(5, 1), TailStatus.Following);
        Assert.True(buffer.TryRead(100, out var next));
        Assert.Equal(0, next.Skipped);
        Assert.Equal(["line 5"], next.Lines.Select(l => l.Text));
    }

    [Fact]
    public void Write_ReaderTookSomeThenFellBehind_SkippedLinesComeAfterWhatItHad()
    {
        var buffer = new LogLineBuffer(2, TailStatus.Following);
        buffer.Write(Lines(0, 2), TailStatus.Following);
        Assert.True(buffer.TryRead(1, out var first));
        Assert.Equal(["line 0"], first.Lines.Select(l => l.Text));

        buffer.Write(Lines(2, 3), TailStatus.Following);

        Assert.True(buffer.TryRead(100, out var batch));
        Assert.Equal(2, batch.Skipped);
        Assert.Equal(["line 3", "line 4"], batch.Lines.Select(l => l.Text));
    }

    [Fact]
    public async Task Write_StatusChangeAlone_WakesTheReader()
    {
        var buffer = new LogLineBuffer(10, TailStatus.Following);
        buffer.TryRead(100, out _);
        var reading = buffer.ReadAsync(100, TestContext.Current.CancellationToken).AsTask();
        Assert.False(reading.IsCompleted);

        buffer.Write([], new TailStatus(TailState.Unreachable, "gone"));

        var batch = await reading.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(TailState.Unreachable, batch!.Status.State);
    }

    [Fact]
    public async Task ReadAsync_Completed_GivesWhatIsLeftThenTheEnd()
    {
        var buffer = new LogLineBuffer(10, TailStatus.Following);
        buffer.TryRead(100, out _);
        buffer.Write(Lines(0, 1), TailStatus.Following);

        buffer.Complete();

        Assert.Equal(["line 0"], (await buffer.ReadAsync(100, TestContext.Current.CancellationToken))!.Lines.Select(l => l.Text));
        Assert.Null(await buffer.ReadAsync(100, TestContext.Current.CancellationToken));
    }
}
