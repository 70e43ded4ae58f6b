using MesosConsole.Data.Provisioning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MesosConsole.Provisioning.Cloud;

/// <summary>
/// Removes what a request created, in the order the clouds allow: instances, their floating IPs, then
/// (once the instances are gone) the security group. A cloud keeps a group while anything uses it (EC2
/// answers DependencyViolation while instances shut down, Neutron 409 while ports remain), so the group
/// is deleted after the instances are seen gone, retrying a bounded number of times on the
/// <see cref="CloudClock"/>. Whatever could not be removed is written on the request in plain words and
/// can be retried with <see cref="DeleteSecurityGroupAsync"/>.
/// </summary>
public sealed partial class CloudCleanup(
    ProvisioningRecords records,
    ICloudGatewayFactory gateways,
    CloudClock clock,
    IOptions<CloudOptions> options,
    ILogger<CloudCleanup> logger)
{
    /// <summary>Terminates every instance still alive, then releases floating IPs and deletes the group.</summary>
    public async Task TerminateAsync(ProvisioningRequest request, CancellationToken cancellationToken)
    {
        var alive = request.Instances.Where(i => i.TerminatedAt is null).Select(i => i.CloudInstanceId).ToList();
        var gateway = await gateways.CreateAsync(CloudTarget.Of(request), cancellationToken);
        using (gateway as IDisposable)
        {
            if (alive.Count > 0)
            {
                await gateway.TerminateAsync(alive, cancellationToken);
                await records.MarkTerminatingAsync(request.Id, alive);
            }

            var problem = await RemoveLeftoversAsync(gateway, await records.LoadAsync(request.Id, CancellationToken.None), cancellationToken);
            await records.SetStateAsync(request.Id, ProvisioningState.Terminated, problem, CancellationToken.None);
        }

        LogTerminated(logger, request.Id, alive.Count);
    }

    /// <summary>
    /// Clean-up of a request whose instances are all terminated (or that never got any, e.g. a launch that
    /// failed after creating its group): floating IPs left over, then the security group.
    /// </summary>
    public async Task DeleteSecurityGroupAsync(ProvisioningRequest request, CancellationToken cancellationToken)
    {
        if (request.Instances.Any(i => i.TerminatedAt is null))
        {
            throw new CloudOperationException("Terminate the instances first: the cloud keeps a security group while instances use it (terminating deletes the group too).", "InstancesAlive");
        }

        if (!HasGroupLeft(request) && request.Instances.All(i => i.FloatingIpId is null))
        {
            throw new CloudOperationException("Nothing of this request is left to delete in the cloud.", "NothingLeft");
        }

        var gateway = await gateways.CreateAsync(CloudTarget.Of(request), cancellationToken);
        using (gateway as IDisposable)
        {
            var problem = await RemoveLeftoversAsync(gateway, request, cancellationToken);
            if (problem is null)
            {
                // Nothing of the request is left in the cloud.
                await records.SetStateAsync(request.Id, ProvisioningState.Terminated, null, CancellationToken.None);
            }
            else
            {
                await records.SetErrorAsync(request.Id, problem, CancellationToken.None);
            }
        }
    }

    /// <summary>True when the request has a group not yet deleted and no instance alive: what <see cref="DeleteSecurityGroupAsync"/> serves.</summary>
    public static bool HasGroupLeft(ProvisioningRequest request) =>
        request.SecurityGroupId is not null && request.SecurityGroupDeletedAt is null && request.State != ProvisioningState.Launching
        && request.Instances.All(i => i.TerminatedAt is not null);

    /// <summary>Returns what could not be removed, in words, or null when nothing is left.</summary>
    private async Task<string?> RemoveLeftoversAsync(ICloudGateway gateway, ProvisioningRequest request, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var instance in request.Instances.Where(i => i.FloatingIpId is not null))
        {
            try
            {
                await gateway.ReleaseFloatingAddressAsync(instance.FloatingIpId!, cancellationToken);
                await records.ClearFloatingAddressAsync(instance.Id);
            }
            catch (CloudOperationException e)
            {
                problems.Add($"The floating IP {instance.PublicAddress} of {instance.Name} could not be released: {e.Message}");
            }
        }

        if (request.SecurityGroupId is { } groupId && request.SecurityGroupDeletedAt is null)
        {
            try
            {
                var problem = await WaitUntilGoneAsync(gateway, request, cancellationToken) ?? await DeleteGroupAsync(gateway, request.Id, groupId, cancellationToken);
                if (problem is not null)
                {
                    problems.Add(problem);
                }
            }
            catch (CloudOperationException e)
            {
                // The instances are terminated either way; what is left is said, not thrown.
                LogGroupNotDeleted(logger, request.Id, groupId, e.Code);
                problems.Add($"Security group {groupId} was not deleted: {e.Message} Press Delete security group to try again.");
            }
        }

        return problems.Count == 0 ? null : string.Join(" ", problems);
    }

    private async Task<string?> WaitUntilGoneAsync(ICloudGateway gateway, ProvisioningRequest request, CancellationToken cancellationToken)
    {
        var ids = request.Instances.Where(i => !ProvisioningRecords.IsKnownGone(i)).Select(i => i.CloudInstanceId).ToList();
        var deadline = clock.UtcNow + options.Value.TerminateTimeout;
        while (ids.Count > 0)
        {
            var seen = await gateway.DescribeAsync(ids, cancellationToken);
            await records.ApplyStatesAsync(request.Id, seen, ids, cancellationToken);
            ids = [.. seen.Where(s => !s.IsGone).Select(s => s.Id)];
            if (ids.Count == 0)
            {
                break;
            }

            if (clock.UtcNow >= deadline)
            {
                return $"The instances were terminated, but {ids.Count} of them had not shut down after {options.Value.TerminateTimeout.TotalMinutes:0.#} min (Cloud:TerminateTimeout), "
                    + $"so security group {request.SecurityGroupId} is still there. Press Delete security group in a few minutes.";
            }

            await clock.DelayAsync(options.Value.PollInterval, cancellationToken);
        }

        return null;
    }

    private async Task<string?> DeleteGroupAsync(ICloudGateway gateway, Guid requestId, string groupId, CancellationToken cancellationToken)
    {
        var attempts = options.Value.CleanupAttempts;
        for (var attempt = 1; ; attempt++)
        {
            SecurityGroupDeletion result;
            try
            {
                result = await gateway.DeleteSecurityGroupAsync(groupId, cancellationToken);
            }
            catch (CloudOperationException e)
            {
                LogGroupNotDeleted(logger, requestId, groupId, e.Code);
                return $"Security group {groupId} could not be deleted: {e.Message} Press Delete security group to try again.";
            }

            if (result != SecurityGroupDeletion.InUse)
            {
                await records.MarkSecurityGroupDeletedAsync(requestId);
                LogGroupDeleted(logger, requestId, groupId, attempt);
                return null;
            }

            if (attempt >= attempts)
            {
                LogGroupNotDeleted(logger, requestId, groupId, "InUse");
                return $"Security group {groupId} could not be deleted: the cloud still reported it in use after {attempts} attempts "
                    + "(a stopping instance or a network port can hold it for a while). Press Delete security group again in a few minutes.";
            }

            LogGroupInUse(logger, requestId, groupId, attempt);
            await clock.DelayAsync(options.Value.PollInterval, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Provisioning request {RequestId}: {Count} instance(s) terminated")]
    private static partial void LogTerminated(ILogger logger, Guid requestId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Provisioning request {RequestId}: security group {GroupId} still in use (attempt {Attempt}); retrying")]
    private static partial void LogGroupInUse(ILogger logger, Guid requestId, string groupId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Provisioning request {RequestId}: security group {GroupId} deleted (attempt {Attempt})")]
    private static partial void LogGroupDeleted(ILogger logger, Guid requestId, string groupId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provisioning request {RequestId}: security group {GroupId} left in the cloud ({Code})")]
    private static partial void LogGroupNotDeleted(ILogger logger, Guid requestId, string groupId, string code);
}
