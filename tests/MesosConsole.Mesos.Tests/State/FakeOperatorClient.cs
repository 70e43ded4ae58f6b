using System.Runtime.CompilerServices;
using System.Threading.Channels;
using MesosConsole.Mesos.Client;
using MesosConsole.Mesos.V1.Master;

namespace MesosConsole.Mesos.Tests.State;

/// <summary>
/// A master in memory for the state store. Each SUBSCRIBE first yields SUBSCRIBED built from
/// <see cref="State"/> (as a real master does), then whatever the test <see cref="Send"/>s.
/// <see cref="BreakStream"/> ends the open stream; the next SUBSCRIBE gets a fresh one.
/// </summary>
internal sealed class FakeOperatorClient : IMesosOperatorClient
{
    private readonly Lock _gate = new();
    private Channel<Event> _stream = Channel.CreateUnbounded<Event>();
    private int _subscriptions;

    public GetMaster Master { get; set; } = Wire.Master();

    public GetState State { get; set; } = Wire.State();

    /// <summary>When set, GET_MASTER and SUBSCRIBE fail with it, as an unreachable master does.</summary>
    public Exception? Failure { get; set; }

    public int Subscriptions => Volatile.Read(ref _subscriptions);

    /// <summary>Queues events on the current stream (or the next one, if the store has not re-subscribed yet).</summary>
    public void Send(params Event[] events)
    {
        lock (_gate)
        {
            foreach (var e in events)
            {
                _stream.Writer.TryWrite(e);
            }
        }
    }

    /// <summary>Ends the current stream, with <paramref name="error"/> or cleanly when null.</summary>
    public void BreakStream(Exception? error)
    {
        lock (_gate)
        {
            _stream.Writer.TryComplete(error);
            _stream = Channel.CreateUnbounded<Event>();
        }
    }

    public Task<GetMaster> GetMasterAsync(CancellationToken cancellationToken = default) =>
        Failure is { } failure ? Task.FromException<GetMaster>(failure) : Task.FromResult(Master);

    public async IAsyncEnumerable<Event> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _subscriptions);
        if (Failure is { } failure)
        {
            throw failure;
        }

        Channel<Event> stream;
        lock (_gate)
        {
            stream = _stream;
        }

        yield return Wire.Subscribed(State);
        await foreach (var e in stream.Reader.ReadAllAsync(cancellationToken))
        {
            yield return e;
        }
    }

    public Task<GetState> GetStateAsync(CancellationToken cancellationToken = default) => Task.FromResult(State);

    public Task<GetHealth> GetHealthAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new GetHealth { Healthy = true });

    public Task<GetVersion> GetVersionAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new GetVersion { VersionInfo = new V1.VersionInfo { Version = "1.11.0" } });

    public Task<GetAgents> GetAgentsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(State.GetAgents ?? new GetAgents());

    public Task<GetFrameworks> GetFrameworksAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(State.GetFrameworks ?? new GetFrameworks());

    public Task<GetTasks> GetTasksAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(State.GetTasks ?? new GetTasks());

    public Task<GetMetrics> GetMetricsAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new GetMetrics { Metrics = [] });
}
