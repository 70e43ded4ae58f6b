using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MesosConsole.Provisioning.Ansible;

/// <summary>
/// Deployment runs across the console's lifetime. On start-up (after the database migrator, which is
/// registered first), rows a dead console left <c>Running</c> are marked interrupted. On shutdown, runs
/// still going are stopped (ansible-playbook's process tree killed) and recorded as interrupted.
/// </summary>
public sealed partial class DeploymentRunsLifetime(
    DeploymentRunner runner,
    DeploymentRunStore store,
    TimeProvider time,
    ILogger<DeploymentRunsLifetime> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var count = await store.InterruptAbandonedAsync(runner.ActiveRunIds, time.GetUtcNow(), cancellationToken);
        if (count > 0)
        {
            LogAbandoned(logger, count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => runner.InterruptAllAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} deployment run(s) were left running by a console that stopped; marked interrupted")]
    private static partial void LogAbandoned(ILogger logger, int count);
}
