using MesosConsole.Mesos.State;
using MesosConsole.Web.Model;

namespace MesosConsole.Web.Components.Pages.Frameworks;

/// <summary>Every framework the master knows, grouped as Mesos groups them: active, inactive (registered, not offered), completed.</summary>
public sealed partial class FrameworksPage
{
    private List<FrameworkRow> _active = [];
    private List<FrameworkRow> _inactive = [];
    private List<FrameworkRow> _completed = [];
    private bool _relative;

    protected override void OnSnapshot(ClusterSnapshot snapshot)
    {
        var rows = FrameworkRow.Of(snapshot);
        _active = rows.Where(r => r.Framework.Status == FrameworkStatus.Active).ToList();
        _inactive = rows.Where(r => r.Framework.Status == FrameworkStatus.Inactive).ToList();
        _completed = rows.Where(r => r.Framework.Status == FrameworkStatus.Completed).ToList();
    }
}
