using System.Runtime.CompilerServices;
using MesosConsole.Mesos.Client;
using MesosConsole.Mesos.V1.Master;

namespace MesosConsole.Web.Cluster;

/// <summary>
/// The operator API of whichever master leads: each call goes to the leader the connection knows,
/// and a call that fails because that master is gone or no longer leads makes the connection look
/// the leader up again. The failure itself still reaches the caller (the page shows it).
/// With <paramref name="pinned"/>, every call goes to that master instead (one subscription's calls).
/// </summary>
internal sealed class LeadingMasterOperatorClient(ClusterConnection connection, MesosOperatorClient? pinned = null)
    : IMesosOperatorClient
{
    public Task<GetHealth> GetHealthAsync(CancellationToken cancellationToken = default) =>
        CallAsync((c, ct) => c.GetHealthAsync(ct), cancellationToken);

    public Task<GetVersion> GetVersionAsync(CancellationToken cancellationToken = default) =>
        CallAsync((c, ct) => c.GetVersionAsync(ct), cancellationToken);

    public Task<GetMaster> GetMasterAsync(CancellationToken cancellationToken = default) =>
        CallAsync((c, ct) => c.GetMasterAsync(ct), cancellationToken);

    public Task<GetState> GetStateAsync(CancellationToken cancellationToken = default) =>
        CallAsync((c, ct) => c.GetStateAsync(ct), cancellationToken);

    public Task<GetAgents> GetAgentsAsync(CancellationToken cancellationToken = default) =>
        CallAsync((c, ct) => c.GetAgentsAsync(ct), cancellationToken);

    public Task<GetFrameworks> GetFrameworksAsync(CancellationToken cancellationToken = default) =>
        CallAsync((c, ct) => c.GetFrameworksAsync(ct), cancellationToken);

    public Task<GetTasks> GetTasksAsync(CancellationToken cancellationToken = default) =>
        CallAsync((c, ct) => c.GetTasksAsync(ct), cancellationToken);

    public Task<GetMetrics> GetMetricsAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        CallAsync((c, ct) => c.GetMetricsAsync(timeout, ct), cancellationToken);

    public async IAsyncEnumerable<Event> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var client = pinned ?? await connection.GetOperatorClientAsync(cancellationToken);
        await using var events = client.SubscribeAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (await WatchAsync(client.MasterUrl, events.MoveNextAsync().AsTask()))
        {
            yield return events.Current;
        }
    }

    private async Task<T> CallAsync<T>(Func<MesosOperatorClient, CancellationToken, Task<T>> call,
        CancellationToken cancellationToken)
    {
        var client = pinned ?? await connection.GetOperatorClientAsync(cancellationToken);
        return await WatchAsync(client.MasterUrl, call(client, cancellationToken));
    }

    private async Task<T> WatchAsync<T>(Uri master, Task<T> call)
    {
        try
        {
            return await call;
        }
        // No HTTP answer at all, or "not the leader": either way this master is not the one to ask.
        catch (MesosApiException ex) when (ex.StatusCode is null || ex.IsNotLeader)
        {
            connection.ForgetLeader(master);
            throw;
        }
    }
}
