using MesosConsole.Web.Cluster;
using MesosConsole.Web.Model;
using Microsoft.AspNetCore.Components;

namespace MesosConsole.Web.Components.Pages.Clusters;

/// <summary>
/// The cluster chooser's management page: every cluster with its live status, adding a remote one
/// (stored in the console database, watched at once) and removing a stored one.
/// </summary>
public sealed partial class ClustersPage
{
    /// <summary>Statuses change slowly; once a second is enough for a list of clusters.</summary>
    private static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _watches = [];
    private readonly HashSet<IConsoleCluster> _watched = [];
    private readonly NewClusterForm _form = new();
    private string? _addError;
    private bool _adding;

    [Inject]
    private IClusterCatalog Catalog { get; set; } = default!;

    [Inject]
    private ClusterSelection Selection { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    protected override void OnInitialized()
    {
        Catalog.Changed += OnCatalogChanged;
        WatchStatuses();
    }

    public async ValueTask DisposeAsync()
    {
        Catalog.Changed -= OnCatalogChanged;
        await _stop.CancelAsync();
        await Task.WhenAll(_watches);
        _stop.Dispose();
    }

    private async Task AddAsync()
    {
        _addError = null;
        _adding = true;
        try
        {
            var cluster = await Catalog.AddAsync(_form.Name, _form.MasterUrls(), _stop.Token);
            Selection.Select(cluster.Info.Id);
            _form.Clear();
        }
        catch (ArgumentException e)
        {
            // The catalog's own checks (name taken, not an http URL): shown next to the form, nothing lost.
            _addError = e.Message.Split(" (Parameter", 2)[0];
        }
        finally
        {
            _adding = false;
        }
    }

    private async Task RemoveAsync(IConsoleCluster cluster) => await Catalog.RemoveAsync(cluster.Info.Id, _stop.Token);

    private void OnCatalogChanged() => _ = InvokeAsync(() =>
    {
        WatchStatuses();
        StateHasChanged();
    });

    /// <summary>Re-renders when any cluster's connection changes; watches started for clusters added since.</summary>
    private void WatchStatuses()
    {
        _watches.RemoveAll(w => w.IsCompleted);
        foreach (var cluster in Catalog.Clusters.Where(c => !_watched.Contains(c)))
        {
            _watched.Add(cluster);
            _watches.Add(WatchAsync(cluster, _stop.Token));
        }
    }

    private async Task WatchAsync(IConsoleCluster cluster, CancellationToken cancellationToken)
    {
        try
        {
            var connected = (bool?)null;
            await foreach (var snapshot in cluster.State.ThrottleAsync(StatusInterval, Time, cancellationToken))
            {
                if (snapshot.Connected != connected || !snapshot.Connected)
                {
                    connected = snapshot.Connected;
                    await InvokeAsync(StateHasChanged);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page went away.
        }
    }

    private static string KindText(ClusterKind kind) => kind switch
    {
        ClusterKind.Embedded => "embedded (this machine)",
        ClusterKind.Configured => "from configuration",
        _ => "added here",
    };
}
