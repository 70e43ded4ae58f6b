using System.Runtime.CompilerServices;
using MesosConsole.Mesos.Client;
using MesosConsole.Mesos.V1.Master;

namespace MesosConsole.Mesos.State;

/// <summary>
/// The live state of one cluster, fed only by the operator API: one SUBSCRIBE stream whose SUBSCRIBED
/// event is the snapshot and whose later events are applied with <see cref="ClusterEvents.Apply"/>. When
/// the stream ends or fails the store says so in <see cref="Current"/>, waits (doubling, capped), then
/// subscribes again and replaces its state with the new snapshot — the only safe answer to a
/// reconnect or a leader change, since events in between are lost. Optionally a stream that stays
/// silent past several heartbeat intervals is dropped too (<see cref="ClusterStateStoreOptions.MissedHeartbeatsBeforeReconnect"/>).
/// </summary>
public sealed class ClusterStateStore : IAsyncDisposable
{
    private readonly Func<CancellationToken, ValueTask<IMesosOperatorClient>> _connect;
    private readonly ClusterStateStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private ClusterSnapshot _current = ClusterSnapshot.Empty;
    private TaskCompletionSource _changed = NewSignal();
    private bool _stopped;
    private Task? _loop;

    /// <summary>A store that always talks to the same master.</summary>
    public ClusterStateStore(IMesosOperatorClient client, ClusterStateStoreOptions? options = null, TimeProvider? time = null)
        : this(_ => ValueTask.FromResult(client), options, time)
    {
    }

    /// <param name="connect">
    /// Called before every subscription for the client to use, so it can find the current leader first
    /// (see <see cref="LeaderDetector"/>); a failure counts as a failed attempt and is retried.
    /// </param>
    public ClusterStateStore(Func<CancellationToken, ValueTask<IMesosOperatorClient>> connect,
        ClusterStateStoreOptions? options = null, TimeProvider? time = null)
    {
        _connect = connect;
        _options = options ?? new ClusterStateStoreOptions();
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The latest snapshot; <see cref="ClusterSnapshot.Empty"/> until the first one arrives.</summary>
    public ClusterSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Starts subscribing in the background; returns at once. Follow progress through <see cref="WatchAsync"/>.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            _loop ??= Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The current snapshot at once, then each newer one. A watcher that falls behind skips straight to
    /// the latest snapshot: nothing queues up per watcher. Ends when the store is disposed.
    /// </summary>
    public async IAsyncEnumerable<ClusterSnapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = Current;
        yield return seen;
        while (true)
        {
            // Take the signal before reading Current: a change published in between completes this
            // signal, so it cannot be missed.
            Task changed;
            bool stopped;
            lock (_gate)
            {
                changed = _changed.Task;
                stopped = _stopped;
            }

            var latest = Current;
            if (latest.Version != seen.Version)
            {
                seen = latest;
                yield return seen;
                continue;
            }

            if (stopped)
            {
                yield break;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task? loop;
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            loop = _loop;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }

        Signal();
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            string error;
            try
            {
                await SubscribeOnceAsync(() => failures = 0, stopping).ConfigureAwait(false);
                error = "The master closed the event stream.";
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                error = ex.Message;
            }

            failures++;
            var wait = _options.Backoff(failures);
            // The timer exists before the snapshot says "disconnected", so whoever reacts to that
            // snapshot by moving a fake clock moves it past this wait.
            var delay = Task.Delay(wait, _time, stopping);
            Publish(Current with { Connected = false, Error = error, RetryAt = _time.GetUtcNow() + wait });
            try
            {
                await delay.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
        }
    }

    /// <summary>One subscription, from connecting to the end of its stream.</summary>
    private async Task SubscribeOnceAsync(Action subscribed, CancellationToken stopping)
    {
        var client = await _connect(stopping).ConfigureAwait(false);
        var leader = WireViews.Master(await client.GetMasterAsync(stopping).ConfigureAwait(false));
        // Its own source so that the stall timer runs on the injected clock.
        using var silence = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        using var stream = CancellationTokenSource.CreateLinkedTokenSource(stopping, silence.Token);
        var stallAfter = Timeout.InfiniteTimeSpan;
        var first = true;
        try
        {
            await foreach (var e in client.SubscribeAsync(stream.Token).ConfigureAwait(false))
            {
                // Rearmed before publishing, so whoever reacts to a snapshot by moving a fake clock
                // moves it past this timer.
                if (first && e.Subscribed?.HeartbeatIntervalSeconds is { } interval and > 0 && _options.MissedHeartbeatsBeforeReconnect > 0)
                {
                    stallAfter = TimeSpan.FromSeconds(interval * _options.MissedHeartbeatsBeforeReconnect);
                }

                silence.CancelAfter(stallAfter);
                if (first)
                {
                    if (e.Type != EventType.Subscribed)
                    {
                        throw new MesosApiException($"The event stream began with {e.Type} instead of SUBSCRIBED.");
                    }

                    first = false;
                    subscribed();
                    var snapshot = ClusterEvents.Apply(Current, e);
                    Publish(snapshot with { Leader = leader, Connected = true, Error = null, RetryAt = null });
                    continue;
                }

                var next = ClusterEvents.Apply(Current, e);
                if (next.Version != Current.Version)
                {
                    Publish(next);
                }
            }
        }
        // Any failure once the timer fired is the timer's doing, whatever the HTTP stack turned the cancel into.
        catch (Exception) when (silence.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            throw new MesosApiException($"No event from the master for {stallAfter.TotalSeconds:0.#} s; the connection is presumed dead.");
        }
    }

    /// <summary>Only the loop publishes, so reading Current and writing the next version cannot race.</summary>
    private void Publish(ClusterSnapshot snapshot)
    {
        var current = Current;
        if (snapshot.Version <= current.Version)
        {
            snapshot = snapshot with { Version = current.Version + 1 };
        }

        Volatile.Write(ref _current, snapshot);
        Signal();
    }

    private void Signal()
    {
        TaskCompletionSource fired;
        lock (_gate)
        {
            fired = _changed;
            _changed = NewSignal();
        }

        fired.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
