using MesosConsole.Web.Cluster;
using MesosConsole.Web.Model;
using Microsoft.AspNetCore.Components;

namespace MesosConsole.Web.Components.Pages;

/// <summary>
/// The cluster's health at a glance, live from the shared <see cref="IClusterStateFeed"/>: no request
/// to the master per browser, and at most ten renders a second however busy the cluster is.
/// </summary>
public sealed partial class Home : IAsyncDisposable
{
    public static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(100);

    private readonly CancellationTokenSource _stop = new();
    private Task? _watching;
    private ClusterOverviewState _state = default!;

    [Inject]
    private IClusterStateFeed Feed { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    protected override void OnInitialized()
    {
        // The first render shows what the store already knows; the watch brings what follows.
        _state = ClusterOverviewState.From(Feed.Current);
        _watching = WatchAsync(_stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        if (_watching is not null)
        {
            await _watching;
        }

        _stop.Dispose();
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var snapshot in Feed.ThrottleAsync(RenderInterval, Time, cancellationToken))
            {
                if (snapshot.Version != _state.Version)
                {
                    await InvokeAsync(() =>
                    {
                        _state = ClusterOverviewState.From(snapshot);
                        StateHasChanged();
                    });
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page went away.
        }
    }
}
