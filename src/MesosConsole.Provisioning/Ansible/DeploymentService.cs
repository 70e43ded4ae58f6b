using System.Text.Json;
using MesosConsole.Data;
using MesosConsole.Data.Deployments;
using MesosConsole.Data.Provisioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesosConsole.Provisioning.Ansible;

/// <summary>
/// Runs a <see cref="DeploymentPlan"/> and records it in the console database: a <see cref="DeploymentRun"/>
/// row is written before ansible-playbook starts (who, when, inventory, variables) and completed when
/// it ends, however it ends (log, recap JSON, result, exit code). Output lines reach the caller as they come.
/// </summary>
public sealed class DeploymentService(
    IDbContextFactory<ConsoleDbContext> databases,
    IAnsibleRunner runner,
    IOptions<AnsibleOptions> options,
    TimeProvider time)
{
    private static readonly JsonSerializerOptions RecapJson = new(JsonSerializerDefaults.Web);

    public async Task<DeploymentOutcome> RunAsync(DeploymentPlan plan, string? startedBy, AnsibleRunProgress progress,
        Action<AnsibleOutputLine>? onLine, CancellationToken cancellationToken)
    {
        var run = new DeploymentRun
        {
            Id = Guid.NewGuid(),
            StartedBy = startedBy,
            StartedAt = time.GetUtcNow(),
            Playbook = plan.Playbook,
            Inventory = plan.Inventory,
            Variables = plan.VariablesJson,
            Result = DeploymentResult.Running,
            ProvisioningRequestId = plan.ProvisioningRequestId,
        };
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            db.DeploymentRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
        }

        var request = new AnsibleRunRequest(options.Value.PlaybookDirectory, plan.Playbook, plan.Inventory, plan.VariablesJson,
            plan.PrivateKeyFile, plan.Secrets);
        var result = await runner.RunAsync(request, text => onLine?.Invoke(progress.Add(text)), cancellationToken);

        var recap = progress.Recap;
        var outcome = result switch
        {
            { Cancelled: true } => DeploymentResult.Cancelled,
            { ExitCode: 0 } when recap.All(r => r.Succeeded) => DeploymentResult.Succeeded,
            _ => DeploymentResult.Failed,
        };

        // Recorded even when the run was cancelled: the caller's token no longer applies.
        await using (var db = await databases.CreateDbContextAsync(CancellationToken.None))
        {
            var stored = await db.DeploymentRuns.SingleAsync(r => r.Id == run.Id, CancellationToken.None);
            stored.FinishedAt = time.GetUtcNow();
            stored.Log = progress.Log;
            stored.Recap = JsonSerializer.Serialize(recap, RecapJson);
            stored.Result = outcome;
            stored.ExitCode = result.ExitCode;
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return new DeploymentOutcome(run.Id, outcome, result.ExitCode, recap);
    }

    /// <summary>Notes the cluster a successful run was added to the chooser as.</summary>
    public async Task SetClusterAsync(Guid runId, string clusterId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var run = await db.DeploymentRuns.SingleAsync(r => r.Id == runId, cancellationToken);
        run.ClusterId = clusterId;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DeploymentRun>> RecentRunsAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.DeploymentRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(count).ToListAsync(cancellationToken);
    }

    /// <summary>Provisioning requests that have at least one instance, newest first, with their instances.</summary>
    public async Task<IReadOnlyList<ProvisioningRequest>> ProvisioningRequestsAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.ProvisioningRequests.AsNoTracking().Include(r => r.Instances)
            .Where(r => r.Instances.Count > 0).OrderByDescending(r => r.CreatedAt).ToListAsync(cancellationToken);
    }
}
