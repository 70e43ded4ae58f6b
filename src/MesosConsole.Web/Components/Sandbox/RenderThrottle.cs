namespace MesosConsole.Web.Components.Sandbox;

/// <summary>
/// Renders at most once per interval however often data arrives: the first request after a quiet
/// interval renders at once, later ones are folded into one render when the interval is up. Requests
/// come on the renderer's thread; the timer goes through <c>invoke</c> (the component's InvokeAsync).
/// </summary>
internal sealed class RenderThrottle(TimeProvider time, TimeSpan interval, Func<Action, Task> invoke, Action render)
    : IDisposable
{
    private long? _renderedAt;
    private ITimer? _pending;
    private bool _disposed;

    public void Request()
    {
        if (_pending is not null || _disposed)
        {
            return;
        }

        var wait = _renderedAt is { } at ? interval - time.GetElapsedTime(at) : TimeSpan.Zero;
        if (wait <= TimeSpan.Zero)
        {
            RenderNow();
            return;
        }

        _pending = time.CreateTimer(_ => _ = invoke(() =>
        {
            _pending?.Dispose();
            _pending = null;
            if (!_disposed)
            {
                RenderNow();
            }
        }), null, wait, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        _disposed = true;
        _pending?.Dispose();
        _pending = null;
    }

    private void RenderNow()
    {
        _renderedAt = time.GetTimestamp();
        render();
    }
}
