using MesosConsole.Mesos.State;
using MesosConsole.Web.Model;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MesosConsole.Web.Components.Pages.Tasks;

/// <summary>
/// Every task the master knows, filtered by state, framework, agent (from the URL, so other pages link
/// here pre-filtered) and a search box, sorted and shown a page at a time. The filtered, sorted list is
/// built once per snapshot or filter change; a render touches one page of it, so 100,000 tasks stay fast.
/// </summary>
public sealed partial class TasksPage
{
    private const string SelectStyle =
        "padding:6px 8px; border:1px solid var(--mud-palette-lines-inputs); border-radius:4px; background:transparent; color:inherit;";

    private readonly TaskSorts _sorts = new();
    private readonly RowView<TaskView> _view;
    private TaskFilter _filter = new(null, null, null, "");
    private List<FrameworkView> _frameworks = [];
    private bool _relative;

    public TasksPage() => _view = new RowView<TaskView>(_sorts.ByColumn, "updated", descending: true);

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "framework")]
    public string? FrameworkQuery { get; set; }

    [SupplyParameterFromQuery(Name = "agent")]
    public string? AgentQuery { get; set; }

    [SupplyParameterFromQuery(Name = "state")]
    public string? StateQuery { get; set; }

    protected override void OnInitialized()
    {
        // Before the first snapshot is filtered, so a linked-to page filters 100,000 tasks once, not twice.
        _filter = FilterFromUrl();
        base.OnInitialized();
    }

    protected override void OnParametersSet()
    {
        // The URL changes when a filter changes here too; only a filter the page does not have yet costs a refilter.
        if (FilterFromUrl() is var fromUrl && fromUrl != _filter)
        {
            _filter = fromUrl;
            ApplyFilter();
        }
    }

    private TaskFilter FilterFromUrl() =>
        _filter with { FrameworkId = Blank(FrameworkQuery), Agent = Blank(AgentQuery), State = Blank(StateQuery) };

    protected override void OnSnapshot(ClusterSnapshot snapshot)
    {
        _frameworks = snapshot.Frameworks.Values
            .OrderBy(f => f.Status).ThenBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
        _sorts.Use(snapshot);
        var tasks = new List<TaskView>(snapshot.Tasks.Count);
        tasks.AddRange(snapshot.Tasks.Values);
        // The filter depends on the snapshot too (which agents match a host:port).
        _view.SetFilterAndSource(_filter.Predicate(snapshot), tasks);
    }

    private void ApplyFilter() => _view.SetFilter(_filter.Predicate(Snapshot));

    private string FrameworkName(string frameworkId) => Snapshot.Frameworks.GetValueOrDefault(frameworkId)?.Name ?? frameworkId;

    private string AgentAddress(string agentId) =>
        Snapshot.Agents.TryGetValue(agentId, out var agent) ? $"{agent.Hostname}:{agent.Port}" : agentId;

    private Variant StateVariant(string? state) =>
        string.Equals(_filter.State, state, StringComparison.OrdinalIgnoreCase) ? Variant.Filled : Variant.Outlined;

    private void OnSearch(string? text)
    {
        _filter = _filter with { Search = text ?? "" };
        ApplyFilter();
    }

    private void SetState(string? state) => SetFilter(_filter with { State = Blank(state) });

    private void SetFramework(string? framework) => SetFilter(_filter with { FrameworkId = Blank(framework) });

    private void SetAgent(string? agent) => SetFilter(_filter with { Agent = Blank(agent) });

    /// <summary>Filters the list now, and puts the filter in the URL so it can be shared or bookmarked.</summary>
    private void SetFilter(TaskFilter filter)
    {
        _filter = filter;
        ApplyFilter();
        Navigation.NavigateTo(TaskListLinks.For(filter.FrameworkId, filter.Agent, filter.State), replace: true);
    }

    private void Sort(string column) => _view.ToggleSort(column);

    private void OnPage(int page) => _view.SetPage(page - 1);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
