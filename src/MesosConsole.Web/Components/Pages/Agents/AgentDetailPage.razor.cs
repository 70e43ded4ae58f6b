using MesosConsole.Mesos.State;
using MesosConsole.Web.Model;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MesosConsole.Web.Components.Pages.Agents;

/// <summary>One agent: its identity and resources, then what runs there, framework by framework and executor by executor.</summary>
public sealed partial class AgentDetailPage
{
    private AgentDetail? _detail;
    private List<BreadcrumbItem> _crumbs = [];

    [Parameter]
    public string AgentId { get; set; } = "";

    protected override void OnParametersSet() => OnSnapshot(Snapshot);

    protected override void OnSnapshot(ClusterSnapshot snapshot)
    {
        _detail = AgentDetail.Of(snapshot, AgentId);
        _crumbs = [new("Agents", ConsoleLinks.Agents), new(_detail?.Row.Address ?? AgentId, null, disabled: true)];
    }
}
