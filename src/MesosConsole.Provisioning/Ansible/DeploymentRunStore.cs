using MesosConsole.Data;
using MesosConsole.Data.Deployments;
using Microsoft.EntityFrameworkCore;

namespace MesosConsole.Provisioning.Ansible;

/// <summary>
/// The <see cref="DeploymentRun"/> rows: written when a run starts, completed when it ends however it
/// ends, and read back by the run pages. Each call is its own short unit of work.
/// </summary>
public sealed class DeploymentRunStore(IDbContextFactory<ConsoleDbContext> databases)
{
    public async Task AddAsync(DeploymentRun run, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.DeploymentRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records how a run ended. Not cancellable: a run that was stopped must still be recorded as stopped.</summary>
    public async Task FinishAsync(Guid runId, DeploymentResult result, int? exitCode, string log, IReadOnlyList<RecapEntry> recap,
        DateTimeOffset finishedAt)
    {
        await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
        var run = await db.DeploymentRuns.SingleAsync(r => r.Id == runId, CancellationToken.None);
        run.FinishedAt = finishedAt;
        run.Log = log;
        run.Recap = DeploymentRecap.Serialize(recap);
        run.Result = result;
        run.ExitCode = exitCode;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Notes the cluster a successful run was added to the chooser as.</summary>
    public async Task SetClusterAsync(Guid runId, string clusterId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var run = await db.DeploymentRuns.SingleAsync(r => r.Id == runId, cancellationToken);
        run.ClusterId = clusterId;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds one of the console's own notes (<see cref="DeploymentLogNotes"/>) to the end of a run's log.</summary>
    public async Task AddNoteAsync(Guid runId, string note, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var run = await db.DeploymentRuns.SingleAsync(r => r.Id == runId, cancellationToken);
        run.Log = DeploymentLogNotes.Append(run.Log, note);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<DeploymentRun?> FindAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.DeploymentRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
    }

    /// <summary>The newest runs first, without their logs (a list does not need megabytes of output).</summary>
    public async Task<IReadOnlyList<DeploymentRun>> ListAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        // Times are stored as binary numbers (ConsoleDbContext), so SQLite orders them; all stored times are UTC.
        return await db.DeploymentRuns.AsNoTracking()
            .OrderByDescending(r => r.StartedAt)
            .Take(count)
            .Select(r => new DeploymentRun
            {
                Id = r.Id, StartedBy = r.StartedBy, StartedAt = r.StartedAt, FinishedAt = r.FinishedAt, ClusterName = r.ClusterName,
                Playbook = r.Playbook, Inventory = "", Recap = r.Recap, Result = r.Result, ExitCode = r.ExitCode, ClusterId = r.ClusterId,
                ProvisioningRequestId = r.ProvisioningRequestId,
            })
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Rows still <see cref="DeploymentResult.Running"/> that no runner here owns: a console that died
    /// (killed, power cut) left them. They are marked <see cref="DeploymentResult.Interrupted"/>, with a note saying so.
    /// </summary>
    public async Task<int> InterruptAbandonedAsync(IReadOnlyCollection<Guid> ownRuns, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var abandoned = await db.DeploymentRuns.Where(r => r.Result == DeploymentResult.Running && !ownRuns.Contains(r.Id)).ToListAsync(cancellationToken);
        foreach (var run in abandoned)
        {
            run.Result = DeploymentResult.Interrupted;
            run.FinishedAt = now;
            run.Log = DeploymentLogNotes.Append(run.Log,
                $"The console stopped before this run ended (found still running when the console started at {now:u}); the log above is all that was saved.");
        }

        await db.SaveChangesAsync(cancellationToken);
        return abandoned.Count;
    }
}
