using MesosConsole.Mesos.State;
using MesosConsole.Web.Model;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MesosConsole.Web.Components.Pages.Frameworks;

/// <summary>One framework: who registered it, what it holds, its web UI, and its tasks by state.</summary>
public sealed partial class FrameworkDetailPage
{
    private FrameworkRow? _row;
    private IReadOnlyList<TaskStateCount> _states = [];
    private List<BreadcrumbItem> _crumbs = [];
    private bool _relative;

    [Parameter]
    public string FrameworkId { get; set; } = "";

    protected override void OnParametersSet() => OnSnapshot(Snapshot);

    protected override void OnSnapshot(ClusterSnapshot snapshot)
    {
        var tasks = snapshot.Tasks.Values.Where(t => t.FrameworkId == FrameworkId).ToList();
        _states = TaskStateCount.Of(tasks);
        _row = snapshot.Frameworks.TryGetValue(FrameworkId, out var framework)
            ? new FrameworkRow(framework, tasks.Count(t => !t.IsTerminal), tasks.Count(t => t.IsTerminal))
            : null;
        _crumbs = [new("Frameworks", ConsoleLinks.Frameworks), new(framework?.Name ?? FrameworkId, null, disabled: true)];
    }
}
