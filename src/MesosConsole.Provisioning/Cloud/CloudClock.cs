namespace MesosConsole.Provisioning.Cloud;

/// <summary>
/// Every wait of the provisioning code (throttling back-off, polling instance states) goes through here,
/// on the injected <see cref="TimeProvider"/>. <see cref="DelayStarted"/> fires once the timer exists,
/// so a test with a fake clock knows when advancing it will end the wait.
/// </summary>
public sealed class CloudClock(TimeProvider time)
{
    public event Action<TimeSpan>? DelayStarted;

    public TimeProvider Time { get; } = time;

    public DateTimeOffset UtcNow => Time.GetUtcNow();

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var wait = Task.Delay(delay, Time, cancellationToken);
        DelayStarted?.Invoke(delay);
        return wait;
    }
}
