using MesosConsole.Mesos.State;
using MesosConsole.Web.Components.Shared;
using MesosConsole.Web.Model;

namespace MesosConsole.Web.Components.Pages;

/// <summary>
/// The cluster at a glance (masters, agents, resources, tasks), live from the shared feed of the selected cluster: no request
/// to the master per browser, and at most ten renders a second however busy the cluster is.
/// </summary>
public sealed partial class Home
{
    private ClusterOverviewState _state = default!;

    protected override void OnSnapshot(ClusterSnapshot snapshot) => _state = ClusterOverviewState.From(snapshot, Cluster.Info.MasterUrls);
}
