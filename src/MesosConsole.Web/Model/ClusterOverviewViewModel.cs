namespace MesosConsole.Web.Model;

/// <summary>
/// The health page's state: the latest <see cref="ClusterOverview"/> and, while the master cannot be
/// read, why. Reloads every <see cref="RefreshInterval"/> (on the injected <see cref="TimeProvider"/>)
/// from <see cref="StartAsync"/> until <see cref="StopAsync"/>. One instance per page.
/// </summary>
/// <remarks>
/// Deliberately not <see cref="IAsyncDisposable"/>: the circuit's DI scope would then keep every
/// instance alive until the browser tab closes. The page that starts it stops it when it goes away.
/// </remarks>
public sealed class ClusterOverviewViewModel(ClusterOverviewLoader loader, TimeProvider timeProvider,
    ILogger<ClusterOverviewViewModel> logger)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stop = new();
    private PeriodicTimer? _timer;
    private Task? _refreshLoop;
    private volatile ClusterOverviewState _state = ClusterOverviewState.Loading;

    /// <summary>Replaced whole after each load, so a render never sees half of one.</summary>
    public ClusterOverviewState State => _state;

    /// <summary>Raised after each load, off the render thread: components re-render through InvokeAsync.</summary>
    public event Func<Task>? Changed;

    /// <summary>Loads once (the returned task), then keeps reloading in the background.</summary>
    public async Task StartAsync()
    {
        // The timer exists from here on, so its first tick is due one interval after start.
        _timer = new PeriodicTimer(RefreshInterval, timeProvider);
        await RefreshAsync();
        if (!_stop.IsCancellationRequested)
        {
            _refreshLoop = RefreshPeriodicallyAsync(_timer);
        }
    }

    /// <summary>Cancels the load in flight and the refreshes to come, and waits until they are over.</summary>
    public async Task StopAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        _timer?.Dispose();
        if (_refreshLoop is not null)
        {
            await _refreshLoop;
        }

        _stop.Dispose();
    }

    private async Task RefreshPeriodicallyAsync(PeriodicTimer timer)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await RefreshAsync();
                await NotifyAsync();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The page went away.
        }
    }

    private async Task NotifyAsync()
    {
        try
        {
            if (Changed is { } changed)
            {
                await changed();
            }
        }
        catch (ObjectDisposedException) when (_stop.IsCancellationRequested)
        {
            // The page was torn down while being told; it no longer needs to know.
        }
    }

    private async Task RefreshAsync()
    {
        try
        {
            _state = new ClusterOverviewState(await loader.LoadAsync(_stop.Token), null);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The page went away mid-load; nobody is left to show the result to.
        }
        catch (Exception ex)
        {
            // Keep the last overview on screen under the error: stale numbers, clearly marked, beat none.
            logger.LogDebug(ex, "Reading the cluster overview failed");
            _state = _state with { Error = ex.Message };
        }
    }
}

/// <summary>The latest overview (null until one was read) and the error of the latest attempt, if it failed.</summary>
public sealed record ClusterOverviewState(ClusterOverview? Overview, string? Error)
{
    public static readonly ClusterOverviewState Loading = new(null, null);

    public bool IsLoading => Overview is null && Error is null;
}
