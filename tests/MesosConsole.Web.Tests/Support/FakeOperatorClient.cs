using System.Runtime.CompilerServices;
using System.Threading.Channels;
using MesosConsole.Mesos.Client;
using MesosConsole.Mesos.V1.Master;

namespace MesosConsole.Web.Tests.Support;

/// <summary>
/// A master in memory: answers from settable properties, or throws <see cref="Failure"/> when set.
/// Its event stream is a channel the test writes to. Counts calls so tests can tell whether a
/// refresh happened without waiting for one.
/// </summary>
public sealed class FakeOperatorClient : IMesosOperatorClient
{
    private int _calls;

    public GetMaster Master { get; set; } = Mock.Master();

    public GetState State { get; set; } = Mock.State(activeAgents: 3);

    public bool Healthy { get; set; } = true;

    /// <summary>When set, every call fails with it (as an unreachable master does).</summary>
    public Exception? Failure { get; set; }

    public Channel<Event> Events { get; } = Channel.CreateUnbounded<Event>();

    public int Calls => Volatile.Read(ref _calls);

    public Task<GetHealth> GetHealthAsync(CancellationToken cancellationToken = default) =>
        Answer(() => new GetHealth { Healthy = Healthy });

    public Task<GetVersion> GetVersionAsync(CancellationToken cancellationToken = default) =>
        Answer(() => new GetVersion { VersionInfo = new MesosConsole.Mesos.V1.VersionInfo { Version = "1.11.0" } });

    public Task<GetMaster> GetMasterAsync(CancellationToken cancellationToken = default) => Answer(() => Master);

    public Task<GetState> GetStateAsync(CancellationToken cancellationToken = default) => Answer(() => State);

    public Task<GetAgents> GetAgentsAsync(CancellationToken cancellationToken = default) =>
        Answer(() => State.GetAgents ?? new GetAgents());

    public Task<GetFrameworks> GetFrameworksAsync(CancellationToken cancellationToken = default) =>
        Answer(() => State.GetFrameworks ?? new GetFrameworks());

    public Task<GetTasks> GetTasksAsync(CancellationToken cancellationToken = default) =>
        Answer(() => State.GetTasks ?? new GetTasks());

    public Task<GetMetrics> GetMetricsAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Answer(() => new GetMetrics { Metrics = [] });

    public async IAsyncEnumerable<Event> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Answer(() => true);
        await foreach (var e in Events.Reader.ReadAllAsync(cancellationToken))
        {
            yield return e;
        }
    }

    private Task<T> Answer<T>(Func<T> answer)
    {
        Interlocked.Increment(ref _calls);
        return Failure is { } failure ? Task.FromException<T>(failure) : Task.FromResult(answer());
    }
}
