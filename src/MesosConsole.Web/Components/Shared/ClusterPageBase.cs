using MesosConsole.Mesos.State;
using MesosConsole.Web.Cluster;
using MesosConsole.Web.Model;
using Microsoft.AspNetCore.Components;

namespace MesosConsole.Web.Components.Shared;

/// <summary>
/// Base of every page that shows the selected cluster live. It watches the cluster this tab has
/// selected (<see cref="ClusterSelection"/>) through the process's shared feed, re-renders at most
/// every <see cref="RenderInterval"/> (however busy the cluster), and follows the chooser to another
/// cluster. Pages read <see cref="Snapshot"/> and may derive their view in <see cref="OnSnapshot"/>.
/// </summary>
public abstract class ClusterPageBase : ComponentBase, IAsyncDisposable
{
    public static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(100);

    private CancellationTokenSource? _watch;
    private Task? _watching;
    private bool _disposed;

    [Inject]
    protected ClusterSelection Selection { get; set; } = default!;

    [Inject]
    protected TimeProvider Time { get; set; } = default!;

    /// <summary>The cluster this tab is looking at.</summary>
    protected IConsoleCluster Cluster => Selection.Current;

    /// <summary>The latest snapshot rendered (at most one per <see cref="RenderInterval"/>).</summary>
    protected ClusterSnapshot Snapshot { get; private set; } = ClusterSnapshot.Empty;

    protected override void OnInitialized()
    {
        Selection.Changed += OnSelectionChanged;
        StartWatching();
    }

    /// <summary>
    /// Called with each snapshot before it renders (on the renderer's thread), including the first.
    /// Derive whatever the page shows here, once per snapshot rather than once per render.
    /// </summary>
    protected virtual void OnSnapshot(ClusterSnapshot snapshot)
    {
    }

    /// <summary>Called when the tab switches to another cluster, before the new cluster's first snapshot.</summary>
    protected virtual void OnClusterChanged()
    {
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Selection.Changed -= OnSelectionChanged;
        await StopWatchingAsync();
        await DisposeAsyncCore();
        GC.SuppressFinalize(this);
    }

    protected virtual ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;

    private void StartWatching()
    {
        var feed = Cluster.State;
        // The first render shows what the store already knows; the watch brings what follows.
        Snapshot = feed.Current;
        OnSnapshot(Snapshot);
        _watch = new CancellationTokenSource();
        _watching = WatchAsync(feed, _watch.Token);
    }

    private async Task StopWatchingAsync()
    {
        if (_watch is null)
        {
            return;
        }

        await _watch.CancelAsync();
        if (_watching is not null)
        {
            await _watching;
        }

        _watch.Dispose();
        _watch = null;
    }

    private void OnSelectionChanged() => _ = InvokeAsync(async () =>
    {
        if (_disposed)
        {
            return;
        }

        await StopWatchingAsync();
        OnClusterChanged();
        StartWatching();
        StateHasChanged();
    });

    private async Task WatchAsync(IClusterStateFeed feed, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var snapshot in feed.ThrottleAsync(RenderInterval, Time, cancellationToken))
            {
                if (snapshot.Version != Snapshot.Version)
                {
                    await InvokeAsync(() =>
                    {
                        if (cancellationToken.IsCancellationRequested)
                        {
                            return;
                        }

                        Snapshot = snapshot;
                        OnSnapshot(snapshot);
                        StateHasChanged();
                    });
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page went away or switched cluster.
        }
    }
}
