using MesosConsole.Mesos.State;
using MesosConsole.Web.Model;

namespace MesosConsole.Web.Components.Pages.Agents;

/// <summary>
/// Every agent with what its tasks hold, as a table (sorted, filtered, a page at a time) or as boxes
/// filled with their tasks (the topology). Rows are built once per snapshot; a render draws one page.
/// </summary>
public sealed partial class AgentsPage
{
    private readonly RowView<AgentRow> _view = new(AgentRow.Sorts, "hostname");
    private string _search = "";
    private bool _topology;
    private FrameworkColors _colors = FrameworkColors.Of([]);
    private IReadOnlyList<FrameworkView> _legend = [];

    protected override void OnSnapshot(ClusterSnapshot snapshot)
    {
        var rows = AgentRow.Of(snapshot);
        _view.SetSource(rows);
        _colors = FrameworkColors.Of(snapshot.Frameworks.Values);
        // The legend names the frameworks that have a block somewhere, in colour order.
        var withTasks = new HashSet<string>(rows.SelectMany(r => r.Tasks).Select(t => t.FrameworkId));
        _legend = snapshot.Frameworks.Values.Where(f => withTasks.Contains(f.Id)).OrderBy(f => f.Id, StringComparer.Ordinal).ToList();
    }

    private void OnSearch(string? text)
    {
        _search = text ?? "";
        var search = _search.Trim();
        _view.SetFilter(row => row.Matches(search));
    }

    private void Sort(string column) => _view.ToggleSort(column);

    private void OnPage(int page) => _view.SetPage(page - 1);
}
