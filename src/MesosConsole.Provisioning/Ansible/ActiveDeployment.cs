using System.Runtime.CompilerServices;
using System.Threading.Channels;
using MesosConsole.Data.Deployments;

namespace MesosConsole.Provisioning.Ansible;

/// <summary>
/// One run while ansible-playbook is going: its output so far, how to stop it, and the viewers watching it.
/// Each viewer has a wake-up channel of one slot: the runner only drops a token in (never waits), and the
/// viewer reads every line it has not seen from <see cref="Progress"/>, so a slow viewer misses nothing and
/// holds nobody up; a burst of lines arrives as one batch.
/// </summary>
public sealed class ActiveDeployment(Guid id, string clusterName)
{
    private readonly Lock _lock = new();
    private readonly List<Channel<bool>> _watchers = [];
    // Not disposed: it has no timer, and Stop may race with the end of the run.
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _isEnded;
    private DeploymentResult? _stopReason;
    private string? _stoppedBy;

    public Guid Id { get; } = id;

    public string ClusterName { get; } = clusterName;

    public AnsibleRunProgress Progress { get; } = new();

    /// <summary>Cancelled when someone cancels the run or the console stops.</summary>
    public CancellationToken Stopping => _stop.Token;

    /// <summary>Why it was stopped: <see cref="DeploymentResult.Cancelled"/> or <see cref="DeploymentResult.Interrupted"/>.</summary>
    public DeploymentResult? StopReason
    {
        get
        {
            lock (_lock)
            {
                return _stopReason;
            }
        }
    }

    /// <summary>Who cancelled the run (null when the console stopped it, or nobody did).</summary>
    public string? StoppedBy
    {
        get
        {
            lock (_lock)
            {
                return _stoppedBy;
            }
        }
    }

    /// <summary>Completes once the run's row is final and every viewer has been told.</summary>
    public Task Ended => _ended.Task;

    public int WatcherCount
    {
        get
        {
            lock (_lock)
            {
                return _watchers.Count;
            }
        }
    }

    public void Add(string text)
    {
        Progress.Add(text);
        lock (_lock)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(true);
            }
        }
    }

    /// <summary>Stops the run for <paramref name="reason"/> (the first reason given counts); false when it has already ended.</summary>
    public bool Stop(DeploymentResult reason, string? stoppedBy = null)
    {
        lock (_lock)
        {
            if (_isEnded)
            {
                return false;
            }

            if (_stopReason is null)
            {
                _stopReason = reason;
                _stoppedBy = stoppedBy;
            }
        }

        _stop.Cancel();
        return true;
    }

    /// <summary>The run is over and recorded: viewers get their last lines and their streams end.</summary>
    public void End()
    {
        lock (_lock)
        {
            _isEnded = true;
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryComplete();
            }
        }

        _ended.TrySetResult();
    }

    /// <summary>Every line so far as the first batch, then each new batch as it comes; ends when the run has ended.</summary>
    public async IAsyncEnumerable<IReadOnlyList<string>> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var wakeUp = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
        lock (_lock)
        {
            if (_isEnded)
            {
                wakeUp.Writer.TryComplete();
            }
            else
            {
                _watchers.Add(wakeUp);
            }
        }

        try
        {
            var seen = 0;
            while (true)
            {
                // Lines added after this read also drop a token in, so the next wait returns at once for them.
                var lines = Progress.LinesFrom(seen);
                seen += lines.Count;
                if (lines.Count > 0)
                {
                    yield return lines;
                }

                if (!await wakeUp.Reader.WaitToReadAsync(cancellationToken))
                {
                    break;
                }

                wakeUp.Reader.TryRead(out _);
            }

            // The run has ended: whatever came after the last wake-up.
            if (Progress.LinesFrom(seen) is { Count: > 0 } last)
            {
                yield return last;
            }
        }
        finally
        {
            lock (_lock)
            {
                _watchers.Remove(wakeUp);
            }
        }
    }
}
