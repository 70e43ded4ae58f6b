namespace MesosConsole.Web.Cluster;

/// <summary>
/// Which cluster this browser tab is looking at (scoped: one per Blazor circuit). Starts at the
/// catalog's default; the chooser changes it and every page re-subscribes through
/// <see cref="Changed"/>. Falls back to the default if the chosen cluster is removed.
/// </summary>
public sealed class ClusterSelection : IDisposable
{
    private readonly IClusterCatalog _catalog;
    private string _selectedId;

    public ClusterSelection(IClusterCatalog catalog)
    {
        _catalog = catalog;
        _selectedId = catalog.Default.Info.Id;
        _catalog.Changed += OnCatalogChanged;
    }

    public event Action? Changed;

    public IConsoleCluster Current => _catalog.Find(_selectedId) ?? _catalog.Default;

    /// <summary>Looks at the cluster <paramref name="id"/>; false (and no change) if there is none.</summary>
    public bool Select(string id)
    {
        if (_catalog.Find(id) is null)
        {
            return false;
        }

        if (id != _selectedId)
        {
            _selectedId = id;
            Changed?.Invoke();
        }

        return true;
    }

    public void Dispose() => _catalog.Changed -= OnCatalogChanged;

    private void OnCatalogChanged()
    {
        if (_catalog.Find(_selectedId) is null)
        {
            _selectedId = _catalog.Default.Info.Id;
            Changed?.Invoke();
        }
    }
}
