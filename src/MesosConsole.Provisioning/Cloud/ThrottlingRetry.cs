using Microsoft.Extensions.Logging;

namespace MesosConsole.Provisioning.Cloud;

/// <summary>
/// Retries a cloud call the cloud throttled, with exponential back-off on the <see cref="CloudClock"/>.
/// Anything else fails at once: retrying a refused or impossible launch only hides it.
/// </summary>
public sealed partial class ThrottlingRetry(CloudClock clock, CloudOptions options, ILogger<ThrottlingRetry> logger)
{
    public async Task<T> RunAsync<T>(string operation, Func<CancellationToken, Task<T>> call, Func<Exception, bool> isThrottled, CancellationToken cancellationToken)
    {
        var delay = options.ThrottleBaseDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(cancellationToken);
            }
            catch (Exception e) when (isThrottled(e) && attempt < options.ThrottleAttempts)
            {
                LogThrottled(logger, operation, attempt, delay);
                await clock.DelayAsync(delay, cancellationToken);
                delay *= 2;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Operation} was throttled by the cloud (attempt {Attempt}); retrying in {Delay}")]
    private static partial void LogThrottled(ILogger logger, string operation, int attempt, TimeSpan delay);
}
