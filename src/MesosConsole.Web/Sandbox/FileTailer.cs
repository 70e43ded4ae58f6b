using System.Text;

namespace MesosConsole.Web.Sandbox;

/// <summary>
/// Follows one file on one agent through <c>/files/read</c>, as the Mesos web UI's pailer does: probe
/// the size (<c>offset=-1</c>), read from where it left off, advance by the bytes read. It keeps the
/// most recent lines for viewers that arrive later and hands every viewer its own
/// <see cref="LogLineBuffer"/>. A file that shrank was truncated or replaced: it is read again from
/// the start. A missing file or an agent that does not answer is a status, not an end: the tailer
/// keeps polling until the last viewer leaves (see <see cref="SandboxTailers"/>).
/// </summary>
public sealed partial class FileTailer : IAsyncDisposable
{
    private readonly FilesApi _files;
    private readonly TimeProvider _time;
    private readonly SandboxOptions _options;
    private readonly ILogger _logger;
    private readonly LogLineSplitter _splitter;
    private readonly Lock _gate = new();
    private readonly Queue<LogLine> _recent = new();
    private readonly List<LogLineBuffer> _viewers = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _split = [];
    private Task _loop = Task.CompletedTask;
    private TailStatus _status = TailStatus.Starting;
    private long? _offset;
    private bool _skipToNewline;
    private long _nextNumber;
    private long _reads;
    private int _failures;

    public FileTailer(FilesApi files, string path, TimeProvider time, SandboxOptions options, ILogger logger)
    {
        _files = files;
        Path = path;
        _time = time;
        _options = options;
        _logger = logger;
        _splitter = new LogLineSplitter(options.MaxLineLength);
    }

    public string Path { get; }

    /// <summary>Requests made to the agent's <c>/files/read</c> so far.</summary>
    public long Reads => Interlocked.Read(ref _reads);

    public TailStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    public int ViewerCount
    {
        get
        {
            lock (_gate)
            {
                return _viewers.Count;
            }
        }
    }

    /// <summary>Starts polling: at once, then every <see cref="SandboxOptions.PollInterval"/>.</summary>
    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    /// <summary>A new viewer's buffer, already holding the recent lines and the current status.</summary>
    public LogLineBuffer Subscribe()
    {
        lock (_gate)
        {
            var buffer = new LogLineBuffer(_options.ViewerBufferLines, _status);
            buffer.Write([.. _recent], _status);
            _viewers.Add(buffer);
            return buffer;
        }
    }

    public void Unsubscribe(LogLineBuffer buffer)
    {
        lock (_gate)
        {
            _viewers.Remove(buffer);
        }

        buffer.Complete();
    }

    /// <summary>
    /// One poll: probe the size, then read what is new (up to <see cref="SandboxOptions.MaxReadsPerPoll"/>
    /// reads). <see cref="Start"/> runs it on the clock; tests and the benchmark call it directly.
    /// Not to be called while another poll of this tailer runs.
    /// </summary>
    public async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        var lines = new List<LogLine>();
        TailStatus status;
        try
        {
            var size = await ProbeAsync(cancellationToken);
            if (_offset is not { } offset)
            {
                offset = StartingOffset(size, lines);
            }
            else if (size < offset)
            {
                // Truncated (logrotate's copytruncate) or replaced by a smaller file: what we had is gone.
                offset = 0;
                _splitter.Reset();
                lines.Add(Notice("The file got shorter (truncated or replaced): reading it again from the start."));
            }

            for (var reads = 0; offset < size && reads < _options.MaxReadsPerPoll; reads++)
            {
                Interlocked.Increment(ref _reads);
                var chunk = await _files.ReadAsync(Path, offset, _options.ReadLength, cancellationToken);
                if (chunk.Data.Length == 0)
                {
                    break;
                }

                // Mesos hands out text but counts in bytes: advance by the bytes this text was.
                offset += Encoding.UTF8.GetByteCount(chunk.Data);
                AddLines(chunk.Data, lines);
            }

            _offset = offset;
            _failures = 0;
            status = TailStatus.Following;
        }
        catch (FilesApiException ex) when (ex.Failure == FilesApiFailure.NotFound)
        {
            // Not there (yet): when it appears, start at its beginning.
            _offset = null;
            _splitter.Reset();
            status = new TailStatus(TailState.FileMissing, $"{Path} does not exist on the agent (yet). Checking again every {Seconds(_options.PollInterval)}.");
        }
        catch (FilesApiException ex)
        {
            _failures++;
            if (_failures == 1)
            {
                LogUnreachable(_logger, Path, ex.Message);
            }

            status = new TailStatus(TailState.Unreachable, $"{ex.Message} Trying again every {Seconds(_options.RetryInterval)}.");
        }

        Publish(lines, status);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting or reading.
        }

        List<LogLineBuffer> viewers;
        lock (_gate)
        {
            viewers = [.. _viewers];
            _viewers.Clear();
        }

        foreach (var viewer in viewers)
        {
            viewer.Complete();
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            // The wait is set before the poll, so polls keep their pace however long a read takes,
            // and a test that saw a poll's request knows the next one is already scheduled.
            var pace = Task.Delay(_failures > 0 ? _options.RetryInterval : _options.PollInterval, _time, cancellationToken);
            try
            {
                await PollOnceAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPollFailed(_logger, Path, ex);
            }

            await pace;
        }
    }

    private async Task<long> ProbeAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return await _files.SizeAsync(Path, cancellationToken);
    }

    /// <summary>Where to start in a file seen for the first time: its last <see cref="SandboxOptions.InitialTailBytes"/>.</summary>
    private long StartingOffset(long size, List<LogLine> lines)
    {
        if (size <= _options.InitialTailBytes)
        {
            return 0;
        }

        // The first line read is most likely cut: it is dropped up to its newline.
        _skipToNewline = true;
        lines.Add(Notice($"Showing the end of a {size:N0}-byte file; download it for the rest."));
        return size - _options.InitialTailBytes;
    }

    private void AddLines(string text, List<LogLine> lines)
    {
        var span = text.AsSpan();
        if (_skipToNewline)
        {
            var newline = span.IndexOf('\n');
            if (newline < 0)
            {
                return;
            }

            span = span[(newline + 1)..];
            _skipToNewline = false;
        }

        _split.Clear();
        _splitter.Split(span, _split);
        var now = _time.GetUtcNow();
        foreach (var line in _split)
        {
            lines.Add(new LogLine(_nextNumber++, line, now));
        }
    }

    // Numbers are only handed out by the poll, which never runs twice at once.
    private LogLine Notice(string text) => new(_nextNumber++, text, _time.GetUtcNow(), LogLineKind.Notice);

    private void Publish(List<LogLine> lines, TailStatus status)
    {
        lock (_gate)
        {
            if (lines.Count == 0 && status == _status)
            {
                return;
            }

            foreach (var line in lines)
            {
                _recent.Enqueue(line);
                if (_recent.Count > _options.RecentLines)
                {
                    _recent.Dequeue();
                }
            }

            _status = status;
            foreach (var viewer in _viewers)
            {
                viewer.Write(lines, status);
            }
        }
    }

    private static string Seconds(TimeSpan interval) =>
        interval.TotalSeconds >= 1 ? $"{interval.TotalSeconds:0.#} s" : $"{interval.TotalMilliseconds:0} ms";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot tail {Path}: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Polling {Path} failed")]
    private static partial void LogPollFailed(ILogger logger, string path, Exception exception);
}
