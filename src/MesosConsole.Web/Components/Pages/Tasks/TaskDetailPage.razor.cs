using MesosConsole.Mesos.State;
using MesosConsole.Web.Model;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MesosConsole.Web.Components.Pages.Tasks;

/// <summary>One task: where it runs, what it holds, every state it went through and why, and its sandbox.</summary>
public sealed partial class TaskDetailPage
{
    private TaskView? _task;
    private FrameworkView? _framework;
    private AgentView? _agent;
    private List<BreadcrumbItem> _crumbs = [];
    private bool _relative;

    [Parameter]
    public string FrameworkId { get; set; } = "";

    [Parameter]
    public string TaskId { get; set; } = "";

    protected override void OnParametersSet() => OnSnapshot(Snapshot);

    protected override void OnSnapshot(ClusterSnapshot snapshot)
    {
        _task = snapshot.Tasks.GetValueOrDefault(new TaskKey(FrameworkId, TaskId));
        _framework = snapshot.Frameworks.GetValueOrDefault(FrameworkId);
        _agent = _task?.AgentId is { } agentId ? snapshot.Agents.GetValueOrDefault(agentId) : null;
        _crumbs =
        [
            new("Tasks", ConsoleLinks.Tasks),
            new(_framework?.Name ?? FrameworkId, ConsoleLinks.TasksOf(FrameworkId)),
            new(_task?.Name ?? TaskId, null, disabled: true),
        ];
    }
}
