using System.Text.Json;
using MesosConsole.Data.Provisioning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MesosConsole.Provisioning.Cloud;

/// <summary>
/// The wizards' one service for both clouds: check (dry run) → record a <see cref="ProvisioningRequest"/>;
/// launch → security group and instances (each recorded the moment the cloud returns its id), then follow
/// their states until running (attaching floating IPs on OpenStack when asked) or the timeout; terminate
/// after the user typed the cluster's name (<see cref="CloudCleanup"/>); refresh and find instances
/// (<see cref="CloudInstanceSync"/>). Nothing launched is ever left unrecorded, so the wizard can always
/// list it and offer clean-up.
/// </summary>
public sealed partial class CloudProvisioner(
    ProvisioningRecords records,
    ICloudGatewayFactory gateways,
    CloudCleanup cleanup,
    CloudInstanceSync sync,
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
        await records.AddAsync(request, cancellationToken);
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

        var plan = LaunchPlan.Of(request);
        await records.SetStateAsync(requestId, ProvisioningState.Launching, null, cancellationToken);
        var instances = new List<ProvisionedInstance>();
        string? groupId = null;
        void Report(string message) => progress?.Invoke(new LaunchProgress(message, [.. instances]));
        try
        {
            var gateway = await gateways.CreateAsync(CloudTarget.Of(request), cancellationToken);
            using (gateway as IDisposable)
            {
                Report("Creating the security group");
                var group = await gateway.CreateSecurityGroupAsync(plan, async (id, _) =>
                {
                    groupId = id;
                    await records.SetSecurityGroupAsync(requestId, id);
                }, cancellationToken);
                foreach (var role in Enum.GetValues<InstanceRole>())
                {
                    Report($"Launching {plan.Count(role)} {role.ToString().ToLowerInvariant()}(s)");
                    await gateway.LaunchAsync(plan, role, group, async (launched, _) =>
                    {
                        instances.Add(await records.RecordInstanceAsync(requestId, role, launched));
                        Report($"Launched {launched.Name} ({launched.Id})");
                    }, cancellationToken);
                }

                return await FollowAsync(request, plan, gateway, instances, Report, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var left = instances.Count > 0
                ? $" {instances.Count} instance(s) were created and may be running: terminate them below (that also deletes the security group)."
                : groupId is not null ? $" The security group {groupId} was created: delete it below." : "";
            // Only the console's own sentences are stored; anything unexpected is named, not quoted.
            var (code, message) = e is CloudOperationException cloud ? (cloud.Code, cloud.Message) : (e.GetType().Name, $"The launch stopped on an unexpected {e.GetType().Name}; see the console's log.");
            LogLaunchFailed(logger, requestId, code, e is CloudOperationException ? null : e);
            await records.SetStateAsync(requestId, ProvisioningState.Failed, message + left, CancellationToken.None);
            Report("Launch failed");
            return await LoadAsync(requestId, CancellationToken.None);
        }
    }

    /// <summary>
    /// Terminates every instance of the request still alive, releases its floating IPs and deletes its
    /// security group once the instances are gone; <paramref name="typedName"/> must be the cluster's name.
    /// What could not be removed is recorded as the request's error.
    /// </summary>
    public async Task TerminateAsync(Guid requestId, string typedName, CancellationToken cancellationToken)
    {
        var request = await LoadAsync(requestId, cancellationToken);
        if (!string.Equals(typedName?.Trim(), request.ClusterName, StringComparison.Ordinal))
        {
            throw new CloudOperationException($"Type the cluster's name, {request.ClusterName}, to confirm terminating its instances.", "NotConfirmed");
        }

        await cleanup.TerminateAsync(request, cancellationToken);
    }

    /// <summary>Deletes the request's security group (and floating IPs left) once no instance of it is alive: the retry after a failed clean-up, or a failed launch's only leftover.</summary>
    public async Task DeleteSecurityGroupAsync(Guid requestId, CancellationToken cancellationToken) =>
        await cleanup.DeleteSecurityGroupAsync(await LoadAsync(requestId, cancellationToken), cancellationToken);

    /// <summary>Re-reads the states of the request's instances from the cloud.</summary>
    public async Task RefreshAsync(Guid requestId, CancellationToken cancellationToken) =>
        await sync.RefreshAsync(await LoadAsync(requestId, cancellationToken), cancellationToken);

    /// <summary>Looks in the cloud for the cluster's instances, records those the console did not know, and refreshes the rest; returns the new ones.</summary>
    public async Task<IReadOnlyList<ProvisionedInstance>> FindInstancesAsync(Guid requestId, CancellationToken cancellationToken) =>
        await sync.FindAsync(await LoadAsync(requestId, cancellationToken), cancellationToken);

    /// <summary>Every request of this cloud, newest first, with its instances: what exists is always visible.</summary>
    public Task<IReadOnlyList<ProvisioningRequest>> ListAsync(CloudProvider provider, CancellationToken cancellationToken) =>
        records.ListAsync(provider, cancellationToken);

    public Task<ProvisioningRequest> LoadAsync(Guid requestId, CancellationToken cancellationToken) =>
        records.LoadAsync(requestId, cancellationToken);

    private async Task<ProvisioningRequest> FollowAsync(ProvisioningRequest request, LaunchPlan plan, ICloudGateway gateway, List<ProvisionedInstance> instances, Action<string> report, CancellationToken cancellationToken)
    {
        var deadline = clock.UtcNow + options.Value.LaunchTimeout;
        var ids = instances.Select(i => i.CloudInstanceId).ToList();
        while (true)
        {
            var seen = await gateway.DescribeAsync(ids, cancellationToken);
            var rows = await records.ApplyStatesAsync(request.Id, seen, asked: null, cancellationToken);
            instances.Clear();
            instances.AddRange(rows);
            var running = seen.Count(s => s.IsRunning);
            report($"{running} of {ids.Count} running");
            if (seen.FirstOrDefault(s => s.HasFailed) is { } failed)
            {
                throw new CloudOperationException($"Instance {failed.Id} went to '{failed.State}' while starting.", "InstanceFailed");
            }

            if (plan.WantsFloatingAddresses)
            {
                await AttachFloatingAddressesAsync(plan, gateway, rows, seen, report, cancellationToken);
            }

            if (running == ids.Count)
            {
                await records.SetStateAsync(request.Id, ProvisioningState.Running, null, cancellationToken);
                return await LoadAsync(request.Id, cancellationToken);
            }

            if (clock.UtcNow >= deadline)
            {
                throw new CloudOperationException($"Only {running} of {ids.Count} instances were running after {options.Value.LaunchTimeout.TotalMinutes:0.#} min (Cloud:LaunchTimeout).", "Timeout");
            }

            await clock.DelayAsync(options.Value.PollInterval, cancellationToken);
        }
    }

    /// <summary>
    /// Jetstream2 and most OpenStack clouds reach a server from outside only through a floating IP, which
    /// Neutron can bind once the server's port exists (it is ACTIVE). Each is recorded as soon as it exists.
    /// </summary>
    private async Task AttachFloatingAddressesAsync(LaunchPlan plan, ICloudGateway gateway, List<ProvisionedInstance> rows, IReadOnlyList<CloudInstance> seen, Action<string> report, CancellationToken cancellationToken)
    {
        foreach (var row in rows.Where(r => r.FloatingIpId is null && seen.Any(s => s.Id == r.CloudInstanceId && s.IsRunning)))
        {
            report($"Attaching a floating IP to {row.Name}");
            FloatingAddress address;
            try
            {
                address = await gateway.AttachFloatingAddressAsync(row.CloudInstanceId, plan.ExternalNetworkId!, cancellationToken);
            }
            catch (CloudOperationException e)
            {
                throw new CloudOperationException($"{row.Name} is running but got no floating IP, so it cannot be reached from outside: {e.Message}", e.Code, e);
            }

            await records.SetFloatingAddressAsync(row.Id, address);
            row.FloatingIpId = address.Id;
            row.PublicAddress = address.Address;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Provisioning request {RequestId} checked on {Provider} for cluster {ClusterName}")]
    private static partial void LogChecked(ILogger logger, Guid requestId, CloudProvider provider, string clusterName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provisioning request {RequestId} failed ({Code})")]
    private static partial void LogLaunchFailed(ILogger logger, Guid requestId, string code, Exception? exception);
}
