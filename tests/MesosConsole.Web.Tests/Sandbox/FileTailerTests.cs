using MesosConsole.Web.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MesosConsole.Web.Tests.Sandbox;

/// <summary>The tailer against an in-memory agent, one poll at a time (no timers involved).</summary>
public sealed class FileTailerTests : IAsyncDisposable
{
    private const string Stdout = "/sandbox/stdout";

    private readonly FakeAgentFiles _agent = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 20, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http;
    private readonly FileTailer _tailer;

    public FileTailerTests()
    {
        _http = new HttpClient(_agent);
        _tailer = Tailer(new SandboxOptions());
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private FileTailer Tailer(SandboxOptions options) =>
        new(new FilesApi(_http, new Uri("http://127.0.0.1:5051/")), Stdout, _time, options, NullLogger.Instance);

    [Fact]
    public async Task Poll_PartialLastLine_IsHeldUntilItsNewlineArrives()
    {
        var viewer = _tailer.Subscribe();
        _agent.Append(Stdout, "first\nsec");

        await _tailer.PollOnceAsync(Token);
        Assert.Equal(["first"], Texts(viewer));

        _agent.Append(Stdout, "ond\r\n");
        await _tailer.PollOnceAsync(Token);
        Assert.Equal(["second"], Texts(viewer));
    }

    [Fact]
    public async Task Poll_LinesGetTheTimeTheConsoleReadThem()
    {
        var viewer = _tailer.Subscribe();
        _agent.Append(Stdout, "a\n");
        await _tailer.PollOnceAsync(Token);
        _time.Advance(TimeSpan.FromSeconds(3));
        _agent.Append(Stdout, "b\n");
        await _tailer.PollOnceAsync(Token);

        Assert.True(viewer.TryRead(100, out var batch));
        Assert.Equal([_time.GetUtcNow() - TimeSpan.FromSeconds(3), _time.GetUtcNow()], batch.Lines.Select(l => l.ReceivedAt));
        Assert.Equal([0L, 1L], batch.Lines.Select(l => l.Number));
    }

    [Fact]
    public async Task Poll_FileShrank_SaysSoAndReadsItAgainFromTheStart()
    {
        var viewer = _tailer.Subscribe();
        _agent.Append(Stdout, "old one\nold two\n");
        await _tailer.PollOnceAsync(Token);
        Assert.Equal(["old one", "old two"], Texts(viewer));

        _agent.Replace(Stdout, "new\n");
        await _tailer.PollOnceAsync(Token);

        Assert.True(viewer.TryRead(100, out var batch));
        Assert.Equal(LogLineKind.Notice, batch.Lines[0].Kind);
        Assert.Contains("truncated", batch.Lines[0].Text, StringComparison.Ordinal);
        Assert.Equal(["new"], batch.Lines.Skip(1).Select(l => l.Text));
    }

    [Fact]
    public async Task Poll_FileNotThereYet_SaysSoThenReadsItFromTheStartWhenItAppears()
    {
        var viewer = _tailer.Subscribe();
        await _tailer.PollOnceAsync(Token);
        Assert.True(viewer.TryRead(100, out var missing));
        Assert.Equal(TailState.FileMissing, missing.Status.State);
        Assert.Contains("does not exist", missing.Status.Message, StringComparison.Ordinal);

        _agent.Append(Stdout, "hello\n");
        await _tailer.PollOnceAsync(Token);

        Assert.True(viewer.TryRead(100, out var batch));
        Assert.Equal(TailState.Following, batch.Status.State);
        Assert.Equal(["hello"], batch.Lines.Select(l => l.Text));
    }

    [Fact]
    public async Task Poll_AgentUnreachable_ShowsItAndResumesWhereItLeftOff()
    {
        var viewer = _tailer.Subscribe();
        _agent.Append(Stdout, "before\n");
        await _tailer.PollOnceAsync(Token);
        Texts(viewer);

        _agent.Unreachable = true;
        _agent.Append(Stdout, "during\n");
        await _tailer.PollOnceAsync(Token);
        Assert.True(viewer.TryRead(100, out var down));
        Assert.Equal(TailState.Unreachable, down.Status.State);
        Assert.Contains("cannot be reached", down.Status.Message, StringComparison.Ordinal);

        _agent.Unreachable = false;
        await _tailer.PollOnceAsync(Token);
        Assert.True(viewer.TryRead(100, out var back));
        Assert.Equal(TailState.Following, back.Status.State);
        Assert.Equal(["during"], back.Lines.Select(l => l.Text));
    }

    [Fact]
    public async Task Poll_BigExistingFile_StartsWithItsEndFromAWholeLine()
    {
        var tailer = Tailer(new SandboxOptions { InitialTailBytes = 10 });
        var viewer = tailer.Subscribe();
        _agent.Append(Stdout, "0123456789\nabcdefgh\nlast\n");

        await tailer.PollOnceAsync(Token);

        Assert.True(viewer.TryRead(100, out var batch));
        Assert.Equal(LogLineKind.Notice, batch.Lines[0].Kind);
        Assert.Equal(["last"], batch.Lines.Skip(1).Select(l => l.Text));
        await tailer.DisposeAsync();
    }

    [Fact]
    public async Task Poll_MoreThanOneReadOfData_ReadsUntilCaughtUp()
    {
        var tailer = Tailer(new SandboxOptions { ReadLength = 4 });
        var viewer = tailer.Subscribe();
        _agent.Append(Stdout, "line one\nline two\n");

        await tailer.PollOnceAsync(Token);

        Assert.Equal(["line one", "line two"], Texts(viewer));
        await tailer.DisposeAsync();
    }

    [Fact]
    public async Task Subscribe_Later_StartsWithTheRecentLines()
    {
        _agent.Append(Stdout, "a\nb\n");
        await _tailer.PollOnceAsync(Token);

        var late = _tailer.Subscribe();

        Assert.Equal(["a", "b"], Texts(late));
    }

    [Fact]
    public async Task Poll_ViewerFallsBehind_ItGetsASkippedCountNotASilentGap()
    {
        var tailer = Tailer(new SandboxOptions { ViewerBufferLines = 3 });
        var viewer = tailer.Subscribe();
        viewer.TryRead(100, out _);
        _agent.Append(Stdout, string.Concat(Enumerable.Range(0, 10).Select(i => $"line {i}\n")));

        await tailer.PollOnceAsync(Token);

        Assert.True(viewer.TryRead(100, out var batch));
        Assert.Equal(7, batch.Skipped);
        Assert.Equal(["line 7", "line 8", "line 9"], batch.Lines.Select(l => l.Text));
        await tailer.DisposeAsync();
    }

    [Fact]
    public async Task Start_AfterEachPoll_PollsAgainWhenTheIntervalIsUp()
    {
        var tailer = Tailer(new SandboxOptions { PollInterval = TimeSpan.FromMilliseconds(250) });
        var polls = new SemaphoreSlim(0);
        // Each poll begins with the size probe.
        _agent.Answered += query => { if (query.Contains("offset=-1", StringComparison.Ordinal)) { polls.Release(); } };
        _agent.Append(Stdout, "x\n");
        tailer.Start();
        Assert.True(await polls.WaitAsync(TimeSpan.FromSeconds(10), Token));

        // The next poll's wait was set before this one's request: advancing the clock is enough.
        Assert.False(await polls.WaitAsync(TimeSpan.Zero, Token));
        _time.Advance(TimeSpan.FromMilliseconds(250));

        Assert.True(await polls.WaitAsync(TimeSpan.FromSeconds(10), Token));
        await tailer.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _tailer.DisposeAsync();
        _http.Dispose();
    }

    private static List<string> Texts(LogLineBuffer viewer)
    {
        var texts = new List<string>();
        while (viewer.TryRead(1000, out var batch))
        {
            texts.AddRange(batch.Lines.Select(l => l.Text));
        }

        return texts;
    }
}
