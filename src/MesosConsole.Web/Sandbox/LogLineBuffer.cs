namespace MesosConsole.Web.Sandbox;

/// <summary>
/// One viewer's lines on their way from a tailer: bounded, so a viewer that reads slower than the file
/// grows cannot hold the tailer or memory. When full, the oldest line goes and is counted; the count
/// reaches the viewer with the next batch (the skipped lines always sat just before that batch's first
/// line), so nothing is ever dropped silently. The tailer's status rides along with every batch.
/// </summary>
public sealed class LogLineBuffer
{
    private readonly Lock _gate = new();
    private readonly Queue<LogLine> _lines = new();
    private readonly int _capacity;
    private long _skipped;
    private TailStatus _status;
    private bool _statusChanged = true;
    private bool _completed;
    private TaskCompletionSource? _waiter;

    public LogLineBuffer(int capacity, TailStatus status)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _status = status;
    }

    /// <summary>Lines skipped so far and not yet reported.</summary>
    public long PendingSkipped
    {
        get
        {
            lock (_gate)
            {
                return _skipped;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _lines.Count;
            }
        }
    }

    public void Write(IReadOnlyList<LogLine> lines, TailStatus status)
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            foreach (var line in lines)
            {
                if (_lines.Count == _capacity)
                {
                    _lines.Dequeue();
                    _skipped++;
                }

                _lines.Enqueue(line);
            }

            if (status != _status)
            {
                _status = status;
                _statusChanged = true;
            }

            waiter = _waiter;
            _waiter = null;
        }

        waiter?.TrySetResult();
    }

    /// <summary>No more lines will come: the reader gets what is left, then the end.</summary>
    public void Complete()
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            _completed = true;
            waiter = _waiter;
            _waiter = null;
        }

        waiter?.TrySetResult();
    }

    /// <summary>The next batch (at most <paramref name="maxLines"/> lines) if there is anything new.</summary>
    public bool TryRead(int maxLines, out LogBatch batch)
    {
        lock (_gate)
        {
            return TryTake(maxLines, out batch);
        }
    }

    /// <summary>Waits for the next batch; null once the buffer is completed and empty.</summary>
    public async ValueTask<LogBatch?> ReadAsync(int maxLines, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (TryTake(maxLines, out var batch))
                {
                    return batch;
                }

                if (_completed)
                {
                    return null;
                }

                _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _waiter.Task;
            }

            await wait.WaitAsync(cancellationToken);
        }
    }

    private bool TryTake(int maxLines, out LogBatch batch)
    {
        if (_lines.Count == 0 && _skipped == 0 && !_statusChanged)
        {
            batch = null!;
            return false;
        }

        var lines = new LogLine[Math.Min(maxLines, _lines.Count)];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = _lines.Dequeue();
        }

        batch = new LogBatch(lines, _skipped, _status);
        _skipped = 0;
        _statusChanged = false;
        return true;
    }
}
