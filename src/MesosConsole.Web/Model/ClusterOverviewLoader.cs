using MesosConsole.Mesos.Client;

namespace MesosConsole.Web.Model;

/// <summary>Reads a <see cref="ClusterOverview"/> through the operator API: GET_MASTER and GET_STATE, side by side.</summary>
/// <remarks>GET_STATE rather than GET_AGENTS + GET_FRAMEWORKS + GET_TASKS: one answer, so the counts agree with each other.</remarks>
public sealed class ClusterOverviewLoader(IMesosOperatorClient client, TimeProvider timeProvider)
{
    public async Task<ClusterOverview> LoadAsync(CancellationToken cancellationToken)
    {
        var master = client.GetMasterAsync(cancellationToken);
        var state = client.GetStateAsync(cancellationToken);
        await Task.WhenAll(master, state);
        return ClusterOverview.From(await master, await state, timeProvider.GetUtcNow());
    }
}
