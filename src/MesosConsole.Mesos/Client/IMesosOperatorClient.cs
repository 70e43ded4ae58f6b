using MesosConsole.Mesos.V1.Master;

namespace MesosConsole.Mesos.Client;

/// <summary>
/// The Mesos master's operator API (<c>POST /api/v1</c>), one method per call the console uses. Every
/// failure surfaces as a <see cref="MesosApiException"/>.
/// </summary>
public interface IMesosOperatorClient
{
    Task<GetHealth> GetHealthAsync(CancellationToken cancellationToken = default);

    Task<GetVersion> GetVersionAsync(CancellationToken cancellationToken = default);

    Task<GetMaster> GetMasterAsync(CancellationToken cancellationToken = default);

    Task<GetState> GetStateAsync(CancellationToken cancellationToken = default);

    Task<GetAgents> GetAgentsAsync(CancellationToken cancellationToken = default);

    Task<GetFrameworks> GetFrameworksAsync(CancellationToken cancellationToken = default);

    Task<GetTasks> GetTasksAsync(CancellationToken cancellationToken = default);

    /// <param name="timeout">How long the master may wait for slow metrics; null lets it decide.</param>
    Task<GetMetrics> GetMetricsAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The operator event stream: first SUBSCRIBED (a full GET_STATE snapshot), then deltas and
    /// HEARTBEATs until the master closes the stream or <paramref name="cancellationToken"/> fires.
    /// </summary>
    IAsyncEnumerable<Event> SubscribeAsync(CancellationToken cancellationToken = default);
}
