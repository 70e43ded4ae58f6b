using System.Text.Json;
using MesosConsole.Data;
using MesosConsole.Data.Provisioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MesosConsole.Provisioning.Cloud;

/// <summary>
/// The wizards' one service for both clouds: check (dry run) → record a <see cref="ProvisioningRequest"/>;
/// launch → security group, instances (each recorded the moment the cloud returns its id), then follow
/// their states until running or the timeout; terminate after the user typed the cluster's name.
/// Nothing launched is ever left unrecorded, so the wizard can always list it and offer clean-up.
/// </summary>
public sealed partial class CloudProvisioner(
    IDbContextFactory<ConsoleDbContext> databases,
    ICloudGatewayFactory gateways,
    CloudClock clock,
    IOptions<CloudOptions> options,
    ILogger<CloudProvisioner> logger)
{
    /// <summary>Validates the plan, asks the cloud for a dry run, and records the request as <see cref="ProvisioningState.Validated"/>.</summary>
    public async Task<Guid> CheckAsync(CloudTarget target, LaunchPlan plan, string? requestedBy, CancellationToken cancellationToken)
    {
        plan.Provider = target.Provider;
        plan.Region = target.Region;
        if (LaunchPlanValidator.Validate(plan) is { Count: > 0 } errors)
        {
            throw new CloudOperationException(string.Join(" ", errors.Select(e => e.Message)), "InvalidPlan");
        }

        var gateway = await gateways.CreateAsync(target, cancellationToken);
        using (gateway as IDisposable)
        {
            await gateway.CheckAsync(plan, cancellationToken);
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var request = new ProvisioningRequest
        {
            Id = Guid.NewGuid(),
            Provider = target.Provider,
            ClusterName = plan.ClusterName,
            Region = target.Region,
            CredentialId = target.CredentialId,
            RequestedBy = requestedBy,
            CreatedAt = clock.UtcNow,
            State = ProvisioningState.Validated,
            Settings = JsonSerializer.Serialize(plan),
        };
        db.ProvisioningRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        LogChecked(logger, request.Id, target.Provider, plan.ClusterName);
        return request.Id;
    }

    /// <summary>Launches a checked request and follows it until every instance runs, one fails, or the timeout.</summary>
    public async Task<ProvisioningRequest> LaunchAsync(Guid requestId, Action<LaunchProgress>? progress, CancellationToken cancellationToken)
    {
        var request = await LoadAsync(requestId, cancellationToken);
        if (request.State != ProvisioningState.Validated)
        {
            throw new CloudOperationException($"This request is {request.State}: only a checked request that has not been launched can be launched.", "WrongState");
        }

        var plan = JsonSerializer.Deserialize<LaunchPlan>(request.Settings)!;
        await SetStateAsync(requestId, ProvisioningState.Launching, null, cancellationToken);
        var instances = new List<ProvisionedInstance>();
        void Report(string message) => progress?.Invoke(new LaunchProgress(message, [.. instances]));
        try
        {
            var gateway = await gateways.CreateAsync(Target(request), cancellationToken);
            using (gateway as IDisposable)
            {
                Report("Creating the security group");
                var groupId = await gateway.CreateSecurityGroupAsync(plan, cancellationToken);
                foreach (var role in Enum.GetValues<InstanceRole>())
                {
                    Report($"Launching {plan.Count(role)} {role.ToString().ToLowerInvariant()}(s)");
                    await gateway.LaunchAsync(plan, role, groupId, async (launched, ct) =>
                    {
                        instances.Add(await RecordInstanceAsync(requestId, role, launched, ct));
                        Report($"Launched {launched.Name} ({launched.Id})");
                    }, cancellationToken);
                }

                return await FollowAsync(request, gateway, instances, Report, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var left = instances.Count == 0 ? "" : $" {instances.Count} instance(s) were created and may be running: terminate them below.";
            // Only the console's own sentences are stored; anything unexpected is named, not quoted.
            var (code, message) = e is CloudOperationException cloud ? (cloud.Code, cloud.Message) : (e.GetType().Name, $"The launch stopped on an unexpected {e.GetType().Name}; see the console's log.");
            LogLaunchFailed(logger, requestId, code, e is CloudOperationException ? null : e);
            await SetStateAsync(requestId, ProvisioningState.Failed, message + left, CancellationToken.None);
            Report("Launch failed");
            return await LoadAsync(requestId, CancellationToken.None);
        }
    }

    /// <summary>Terminates every instance of the request still alive; <paramref name="typedName"/> must be the cluster's name.</summary>
    public async Task TerminateAsync(Guid requestId, string typedName, CancellationToken cancellationToken)
    {
        var request = await LoadAsync(requestId, cancellationToken);
        if (!string.Equals(typedName?.Trim(), request.ClusterName, StringComparison.Ordinal))
        {
            throw new CloudOperationException($"Type the cluster's name, {request.ClusterName}, to confirm terminating its instances.", "NotConfirmed");
        }

        var alive = request.Instances.Where(i => i.TerminatedAt is null).ToList();
        if (alive.Count > 0)
        {
            var gateway = await gateways.CreateAsync(Target(request), cancellationToken);
            using (gateway as IDisposable)
            {
                await gateway.TerminateAsync([.. alive.Select(i => i.CloudInstanceId)], cancellationToken);
            }
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var now = clock.UtcNow;
        await db.ProvisionedInstances.Where(i => i.RequestId == requestId && i.TerminatedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.TerminatedAt, now).SetProperty(i => i.State, "terminating"), cancellationToken);
        await db.ProvisioningRequests.Where(r => r.Id == requestId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ProvisioningState.Terminated), cancellationToken);
        LogTerminated(logger, requestId, alive.Count);
    }

    /// <summary>Every request of this cloud, newest first, with its instances: what exists is always visible.</summary>
    public async Task<IReadOnlyList<ProvisioningRequest>> ListAsync(CloudProvider provider, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var requests = await db.ProvisioningRequests.AsNoTracking().Include(r => r.Instances)
            .Where(r => r.Provider == provider).ToListAsync(cancellationToken);
        return [.. requests.OrderByDescending(r => r.CreatedAt)];
    }

    public async Task<ProvisioningRequest> LoadAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.ProvisioningRequests.AsNoTracking().Include(r => r.Instances).SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw new CloudOperationException("That provisioning request does not exist.", "NotFound");
    }

    private async Task<ProvisioningRequest> FollowAsync(ProvisioningRequest request, ICloudGateway gateway, List<ProvisionedInstance> instances, Action<string> report, CancellationToken cancellationToken)
    {
        var deadline = clock.UtcNow + options.Value.LaunchTimeout;
        var ids = instances.Select(i => i.CloudInstanceId).ToList();
        while (true)
        {
            var seen = await gateway.DescribeAsync(ids, cancellationToken);
            await UpdateInstancesAsync(request.Id, instances, seen, cancellationToken);
            var running = seen.Count(s => s.IsRunning);
            report($"{running} of {ids.Count} running");
            if (seen.FirstOrDefault(s => s.HasFailed) is { } failed)
            {
                throw new CloudOperationException($"Instance {failed.Id} went to '{failed.State}' while starting.", "InstanceFailed");
            }

            if (running == ids.Count)
            {
                await SetStateAsync(request.Id, ProvisioningState.Running, null, cancellationToken);
                return await LoadAsync(request.Id, cancellationToken);
            }

            if (clock.UtcNow >= deadline)
            {
                throw new CloudOperationException($"Only {running} of {ids.Count} instances were running after {options.Value.LaunchTimeout.TotalMinutes:0.#} min (Cloud:LaunchTimeout).", "Timeout");
            }

            await clock.DelayAsync(options.Value.PollInterval, cancellationToken);
        }
    }

    private async Task<ProvisionedInstance> RecordInstanceAsync(Guid requestId, InstanceRole role, LaunchedInstance launched, CancellationToken cancellationToken)
    {
        var instance = new ProvisionedInstance
        {
            Id = Guid.NewGuid(),
            RequestId = requestId,
            CloudInstanceId = launched.Id,
            Name = launched.Name,
            Role = role,
            State = launched.State,
            LaunchedAt = clock.UtcNow,
        };
        // Saved even if the caller gave up: the instance exists in the cloud either way.
        await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
        db.ProvisionedInstances.Add(instance);
        await db.SaveChangesAsync(CancellationToken.None);
        return instance;
    }

    private async Task UpdateInstancesAsync(Guid requestId, List<ProvisionedInstance> instances, IReadOnlyList<CloudInstance> seen, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.ProvisionedInstances.Where(i => i.RequestId == requestId).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            if (seen.FirstOrDefault(s => s.Id == row.CloudInstanceId) is { } now)
            {
                row.State = now.State;
                row.PublicAddress = now.PublicAddress ?? row.PublicAddress;
                row.PrivateAddress = now.PrivateAddress ?? row.PrivateAddress;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        instances.Clear();
        instances.AddRange(rows);
    }

    private async Task SetStateAsync(Guid requestId, ProvisioningState state, string? error, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.ProvisioningRequests.Where(r => r.Id == requestId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, state).SetProperty(r => r.Error, error), cancellationToken);
    }

    private static CloudTarget Target(ProvisioningRequest request) => new(request.Provider, request.Region, request.CredentialId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Provisioning request {RequestId} checked on {Provider} for cluster {ClusterName}")]
    private static partial void LogChecked(ILogger logger, Guid requestId, CloudProvider provider, string clusterName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provisioning request {RequestId} failed ({Code})")]
    private static partial void LogLaunchFailed(ILogger logger, Guid requestId, string code, Exception? exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Provisioning request {RequestId}: {Count} instance(s) terminated")]
    private static partial void LogTerminated(ILogger logger, Guid requestId, int count);
}
