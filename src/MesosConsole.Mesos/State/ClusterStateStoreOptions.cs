namespace MesosConsole.Mesos.State;

/// <summary>How a <see cref="ClusterStateStore"/> retries after its event stream ends or fails.</summary>
public sealed class ClusterStateStoreOptions
{
    /// <summary>The wait before the first retry; doubled after each failure in a row.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between retries, so a master that comes back is seen within this.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Reconnect when this many heartbeat intervals (as the SUBSCRIBED event announces) pass without any
    /// event: a master whose host vanished leaves a half-open connection that never ends by itself.
    /// 0, the default, turns this off, since some masters announce an interval but send no HEARTBEAT
    /// (the embedded cluster with <c>OperatorHeartbeats=never</c>).
    /// </summary>
    public int MissedHeartbeatsBeforeReconnect { get; set; }

    /// <summary>The wait before retry number <paramref name="failures"/> (1 = the first failure in a row).</summary>
    public TimeSpan Backoff(int failures)
    {
        var wait = InitialBackoff;
        for (var i = 1; i < failures && wait < MaxBackoff; i++)
        {
            wait *= 2;
        }

        return wait < MaxBackoff ? wait : MaxBackoff;
    }
}
