using MesosConsole.Data.Provisioning;
using Microsoft.Extensions.Logging;

namespace MesosConsole.Provisioning.Cloud;

/// <summary>
/// Brings a request's record in line with the cloud: <see cref="RefreshAsync"/> re-reads the states of
/// the instances it knows; <see cref="FindAsync"/> also looks for instances the cloud holds for the
/// cluster (by the tags or metadata the launch sets) that the console never recorded, such as one
/// created in the instant before the console stopped, and adopts them so they can be terminated.
/// </summary>
public sealed partial class CloudInstanceSync(ProvisioningRecords records, ICloudGatewayFactory gateways, ILogger<CloudInstanceSync> logger)
{
    /// <summary>Asks the cloud about every instance not known to be gone; ones it reports gone (or no longer lists) are recorded terminated.</summary>
    public async Task RefreshAsync(ProvisioningRequest request, CancellationToken cancellationToken)
    {
        var gateway = await gateways.CreateAsync(CloudTarget.Of(request), cancellationToken);
        using (gateway as IDisposable)
        {
            await RefreshAsync(gateway, request.Id, cancellationToken);
        }
    }

    /// <summary>Adopts the cluster's instances the record lacks, then refreshes all; returns the adopted ones.</summary>
    public async Task<IReadOnlyList<ProvisionedInstance>> FindAsync(ProvisioningRequest request, CancellationToken cancellationToken)
    {
        var adopted = new List<ProvisionedInstance>();
        var gateway = await gateways.CreateAsync(CloudTarget.Of(request), cancellationToken);
        using (gateway as IDisposable)
        {
            var found = await gateway.FindLaunchedAsync(request.ClusterName, request.SecurityGroupId, cancellationToken);
            var plan = LaunchPlan.Of(request);
            var names = request.Instances.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var instance in found)
            {
                if (request.Instances.FirstOrDefault(i => i.CloudInstanceId == instance.Instance.Id) is { } known)
                {
                    // Known, but its floating IP was attached in the instant before the console stopped.
                    if (known.FloatingIpId is null && instance.FloatingAddressId is { } floatingId && instance.Instance.PublicAddress is { } address)
                    {
                        await records.SetFloatingAddressAsync(known.Id, new FloatingAddress(floatingId, address));
                    }

                    continue;
                }

                var name = UniqueName(plan, instance, names);
                names.Add(name);
                var row = await records.RecordInstanceAsync(request.Id, instance.Role, new LaunchedInstance(instance.Instance.Id, name, instance.Instance.State), r =>
                {
                    r.PublicAddress = instance.Instance.PublicAddress;
                    r.PrivateAddress = instance.Instance.PrivateAddress;
                    r.FloatingIpId = instance.FloatingAddressId;
                });
                adopted.Add(row);
                LogAdopted(logger, request.Id, instance.Instance.Id);
            }

            await RefreshAsync(gateway, request.Id, cancellationToken);
        }

        return adopted;
    }

    private async Task RefreshAsync(ICloudGateway gateway, Guid requestId, CancellationToken cancellationToken)
    {
        var request = await records.LoadAsync(requestId, cancellationToken);
        var ids = request.Instances.Where(i => !ProvisioningRecords.IsKnownGone(i)).Select(i => i.CloudInstanceId).ToList();
        if (ids.Count > 0)
        {
            var seen = await gateway.DescribeAsync(ids, cancellationToken);
            await records.ApplyStatesAsync(requestId, seen, ids, cancellationToken);
        }
    }

    /// <summary>
    /// The cloud's own name when free (OpenStack servers carry the numbered name); otherwise the next free
    /// number in the role (EC2's Name tag is the same for every instance of one launch call).
    /// </summary>
    private static string UniqueName(LaunchPlan plan, FoundInstance instance, HashSet<string> taken)
    {
        if (instance.Name is { Length: > 0 } name && !taken.Contains(name) && name != plan.RoleName(instance.Role))
        {
            return name;
        }

        var number = 1;
        while (taken.Contains(plan.InstanceName(instance.Role, number)))
        {
            number++;
        }

        return plan.InstanceName(instance.Role, number);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provisioning request {RequestId}: adopted instance {InstanceId}, which the cloud had but the console had not recorded")]
    private static partial void LogAdopted(ILogger logger, Guid requestId, string instanceId);
}
