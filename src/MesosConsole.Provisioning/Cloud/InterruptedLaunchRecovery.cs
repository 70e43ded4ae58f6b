using MesosConsole.Data;
using MesosConsole.Data.Provisioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MesosConsole.Provisioning.Cloud;

/// <summary>
/// At start-up, a request still marked Launching belongs to a launch the previous run of the console
/// never finished (nothing else launches before this runs): it is marked Failed with a message that
/// says what to do, so the wizard offers Find instances and clean-up instead of waiting forever.
/// </summary>
public sealed partial class InterruptedLaunchRecovery(IDbContextFactory<ConsoleDbContext> databases, ILogger<InterruptedLaunchRecovery> logger) : IHostedService
{
    public const string Message =
        "The console stopped during this launch; instances it had started may still be running. "
        + "Press Find instances to look for them in the cloud, then terminate what you do not need.";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var count = await db.ProvisioningRequests.Where(r => r.State == ProvisioningState.Launching)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ProvisioningState.Failed).SetProperty(r => r.Error, Message), cancellationToken);
        if (count > 0)
        {
            LogInterrupted(logger, count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} launch(es) were interrupted by the last stop of the console and are now marked failed")]
    private static partial void LogInterrupted(ILogger logger, int count);
}
