using MesosConsole.Data.Deployments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MesosConsole.Provisioning.Ansible;

/// <summary>
/// Owns every deployment run while it goes (a singleton): <see cref="StartAsync"/> writes the run's row
/// and returns its id at once, and ansible-playbook runs on a task of its own, tied to no page or circuit,
/// so a run outlives the page that started it. Any number of viewers follow a run through
/// <see cref="Watch"/>; <see cref="CancelAsync"/> stops one; when the console stops,
/// <see cref="InterruptAllAsync"/> stops them all and records them as interrupted. A successful run's
/// cluster goes to the chooser through <see cref="IDeployedClusterSink"/>.
/// </summary>
public sealed partial class DeploymentRunner(
    DeploymentRunStore store,
    IAnsibleRunner ansible,
    IDeployedClusterSink clusters,
    IOptions<AnsibleOptions> options,
    TimeProvider time,
    ILogger<DeploymentRunner> logger) : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, ActiveDeployment> _active = [];
    private bool _stopping;

    /// <summary>Raised (on the runner's threads) when a run starts or ends, for lists of runs to refresh.</summary>
    public event Action? RunsChanged;

    public IReadOnlyCollection<Guid> ActiveRunIds
    {
        get
        {
            lock (_lock)
            {
                return [.. _active.Keys];
            }
        }
    }

    public bool IsRunning(Guid runId)
    {
        lock (_lock)
        {
            return _active.ContainsKey(runId);
        }
    }

    /// <summary>
    /// Records the run and starts ansible-playbook in the background; the run's id comes back as soon as
    /// its row is written. Throws <see cref="DeploymentRefusedException"/> when the same cluster is being
    /// deployed already or the console is stopping.
    /// </summary>
    public async Task<Guid> StartAsync(DeploymentPlan plan, string? startedBy, CancellationToken cancellationToken)
    {
        var run = new DeploymentRun
        {
            Id = Guid.NewGuid(),
            StartedBy = startedBy,
            StartedAt = time.GetUtcNow(),
            ClusterName = plan.ClusterName,
            Playbook = plan.Playbook,
            Inventory = plan.Inventory,
            Variables = plan.VariablesJson,
            Result = DeploymentResult.Running,
            ProvisioningRequestId = plan.ProvisioningRequestId,
        };
        var active = new ActiveDeployment(run.Id, plan.ClusterName);
        Reserve(active);
        try
        {
            await store.AddAsync(run, cancellationToken);
        }
        catch
        {
            Forget(active);
            throw;
        }

        LogStarted(logger, run.Id, plan.Playbook, plan.ClusterName, startedBy);
        // Its own task, on no caller's token: only CancelAsync and the console's stopping end it early.
        _ = Task.Run(() => RunAsync(active, plan), CancellationToken.None);
        RaiseRunsChanged();
        return run.Id;
    }

    /// <summary>
    /// The run's output: every line so far, then new lines as they come; the stream ends once the run is
    /// recorded as ended. Null when the run is not going (any more): read its row instead.
    /// </summary>
    public IAsyncEnumerable<IReadOnlyList<string>>? Watch(Guid runId)
    {
        lock (_lock)
        {
            return _active.TryGetValue(runId, out var active) ? active.WatchAsync() : null;
        }
    }

    /// <summary>How many viewers follow a run now (0 when it is not going).</summary>
    public int WatcherCount(Guid runId)
    {
        lock (_lock)
        {
            return _active.TryGetValue(runId, out var active) ? active.WatcherCount : 0;
        }
    }

    /// <summary>
    /// Stops a run (ansible-playbook and everything it started) and waits until it is recorded as cancelled,
    /// with who cancelled it noted in its log; false when it was not going.
    /// </summary>
    public async Task<bool> CancelAsync(Guid runId, string? cancelledBy, CancellationToken cancellationToken = default)
    {
        ActiveDeployment? active;
        lock (_lock)
        {
            _active.TryGetValue(runId, out active);
        }

        if (active is null || !active.Stop(DeploymentResult.Cancelled, cancelledBy))
        {
            return false;
        }

        await active.Ended.WaitAsync(cancellationToken);
        return true;
    }

    /// <summary>The console is stopping: no new runs, and every run going is stopped and recorded as interrupted.</summary>
    public async Task InterruptAllAsync(CancellationToken cancellationToken)
    {
        List<ActiveDeployment> running;
        lock (_lock)
        {
            _stopping = true;
            running = [.. _active.Values];
        }

        foreach (var active in running)
        {
            active.Stop(DeploymentResult.Interrupted);
        }

        await Task.WhenAll(running.Select(a => a.Ended)).WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync() => await InterruptAllAsync(CancellationToken.None);

    private void Reserve(ActiveDeployment active)
    {
        lock (_lock)
        {
            if (_stopping)
            {
                throw new DeploymentRefusedException("The console is stopping; start the run again once it is back.");
            }

            if (_active.Values.Any(a => string.Equals(a.ClusterName, active.ClusterName, StringComparison.OrdinalIgnoreCase)))
            {
                throw new DeploymentRefusedException(
                    $"\"{active.ClusterName}\" is being deployed already; wait for that run to end (or cancel it) before starting another.");
            }

            _active.Add(active.Id, active);
        }
    }

    private void Forget(ActiveDeployment active)
    {
        lock (_lock)
        {
            _active.Remove(active.Id);
        }

        active.End();
    }

    private async Task RunAsync(ActiveDeployment active, DeploymentPlan plan)
    {
        try
        {
            var result = await RunPlaybookAsync(active, plan);
            var recap = active.Progress.Recap;
            var outcome = result switch
            {
                { Cancelled: true } => active.StopReason ?? DeploymentResult.Cancelled,
                { ExitCode: 0 } when recap.All(r => r.Succeeded) => DeploymentResult.Succeeded,
                _ => DeploymentResult.Failed,
            };
            if (outcome == DeploymentResult.Interrupted)
            {
                active.Add(DeploymentLogNotes.Format("The console was stopping: this run was stopped (ansible-playbook and everything it started)."));
            }
            else if (outcome == DeploymentResult.Cancelled && active.StoppedBy is { } by)
            {
                active.Add(DeploymentLogNotes.Format($"Cancelled by {by}."));
            }

            await store.FinishAsync(active.Id, outcome, result.ExitCode, active.Progress.Log, recap, time.GetUtcNow());
            LogFinished(logger, active.Id, outcome, result.ExitCode);
            if (outcome == DeploymentResult.Succeeded)
            {
                await AddClusterAsync(active, plan);
            }
        }
        catch (Exception e)
        {
            // The row stays Running; the next start-up marks it interrupted.
            LogNotRecorded(logger, e, active.Id);
        }
        finally
        {
            Forget(active);
            RaiseRunsChanged();
        }
    }

    private async Task<AnsibleRunResult> RunPlaybookAsync(ActiveDeployment active, DeploymentPlan plan)
    {
        var request = new AnsibleRunRequest(options.Value.PlaybookDirectory, plan.Playbook, plan.Inventory, plan.VariablesJson,
            plan.PrivateKeyFile, plan.Secrets);
        try
        {
            return await ansible.RunAsync(request, active.Add, active.Stopping);
        }
        catch (OperationCanceledException) when (active.Stopping.IsCancellationRequested)
        {
            // Stopped before ansible-playbook started (while its files were written).
            return new AnsibleRunResult(null, Cancelled: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            active.Add(DeploymentLogNotes.Format($"ansible-playbook could not be started: {e.Message}"));
            return new AnsibleRunResult(null, Cancelled: false);
        }
    }

    private async Task AddClusterAsync(ActiveDeployment active, DeploymentPlan plan)
    {
        DeployedCluster added;
        try
        {
            added = await clusters.AddAsync(plan.ClusterName, plan.MasterUrls, active.Id, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogClusterNotAdded(logger, e, active.Id);
            added = DeployedCluster.Refused(e.Message);
        }

        if (added.ClusterId is { } clusterId)
        {
            await store.SetClusterAsync(active.Id, clusterId, CancellationToken.None);
            return;
        }

        var note = $"The cluster was deployed but not added to the cluster chooser: {added.Problem}";
        active.Add(DeploymentLogNotes.Format(note));
        await store.AddNoteAsync(active.Id, note, CancellationToken.None);
    }

    private void RaiseRunsChanged()
    {
        try
        {
            RunsChanged?.Invoke();
        }
        catch (Exception e)
        {
            // A viewer's handler must not break the run's bookkeeping.
            LogHandlerFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deployment run {RunId} started: {Playbook} for cluster {ClusterName} by {StartedBy}")]
    private static partial void LogStarted(ILogger logger, Guid runId, string playbook, string clusterName, string? startedBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deployment run {RunId} ended: {Result} (exit code {ExitCode})")]
    private static partial void LogFinished(ILogger logger, Guid runId, DeploymentResult result, int? exitCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deployment run {RunId} could not be recorded as ended")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deployment run {RunId} succeeded but its cluster could not be added to the chooser")]
    private static partial void LogClusterNotAdded(ILogger logger, Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A handler of RunsChanged failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception);
}
