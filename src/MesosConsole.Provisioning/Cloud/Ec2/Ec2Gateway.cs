using System.Text;
using Amazon.EC2;
using Amazon.EC2.Model;
using MesosConsole.Data.Provisioning;

namespace MesosConsole.Provisioning.Cloud.Ec2;

/// <summary>
/// <see cref="ICloudGateway"/> over the AWS SDK's EC2 client. Every call goes through
/// <see cref="ThrottlingRetry"/> (RequestLimitExceeded is retried with back-off) and EC2's error codes
/// become plain sentences (<see cref="Ec2Errors"/>).
/// </summary>
public sealed class Ec2Gateway(IAmazonEC2 client, ThrottlingRetry retry) : ICloudGateway, IDisposable
{
    public async Task<IReadOnlyList<CloudKeyPair>> ListKeyPairsAsync(CancellationToken cancellationToken)
    {
        var response = await CallAsync("list key pairs", ct => client.DescribeKeyPairsAsync(new DescribeKeyPairsRequest(), ct), cancellationToken);
        return [.. (response.KeyPairs ?? []).Select(k => new CloudKeyPair(k.KeyName, k.KeyFingerprint)).OrderBy(k => k.Name, StringComparer.Ordinal)];
    }

    public async Task<string> CreateKeyPairAsync(string name, CancellationToken cancellationToken)
    {
        var response = await CallAsync("create a key pair", ct => client.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = name }, ct), cancellationToken);
        return response.KeyPair.KeyMaterial;
    }

    public async Task ImportKeyPairAsync(string name, string publicKey, CancellationToken cancellationToken)
    {
        // The API takes the OpenSSH public key base64-encoded; the SDK sends the string as given.
        var request = new ImportKeyPairRequest
        {
            KeyName = name,
            PublicKeyMaterial = Convert.ToBase64String(Encoding.UTF8.GetBytes(publicKey.Trim())),
        };
        await CallAsync("import a key pair", ct => client.ImportKeyPairAsync(request, ct), cancellationToken);
    }

    /// <summary>EC2 has far too many public images to list: the wizard asks for an AMI id.</summary>
    public Task<IReadOnlyList<CloudChoice>> ListImagesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CloudChoice>>([]);

    public Task<IReadOnlyList<CloudChoice>> ListMachineTypesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CloudChoice>>([]);

    /// <summary>
    /// EC2's own dry run of each creating call: EC2 checks permissions and parameters and answers
    /// <c>DryRunOperation</c> when the call would have succeeded. The instances are checked without the
    /// security group, which does not exist yet.
    /// </summary>
    public async Task CheckAsync(LaunchPlan plan, CancellationToken cancellationToken)
    {
        var group = SecurityGroupRequest(plan);
        group.DryRun = true;
        await DryRunAsync("create the security group", ct => client.CreateSecurityGroupAsync(group, ct), cancellationToken);
        foreach (var role in Enum.GetValues<InstanceRole>())
        {
            var run = RunRequest(plan, role, securityGroupId: null);
            run.DryRun = true;
            await DryRunAsync($"launch the {role.ToString().ToLowerInvariant()} instances", ct => client.RunInstancesAsync(run, ct), cancellationToken);
        }
    }

    public async Task<string> CreateSecurityGroupAsync(LaunchPlan plan, Func<string, CancellationToken, Task> created, CancellationToken cancellationToken)
    {
        var group = await CallAsync("create the security group", ct => client.CreateSecurityGroupAsync(SecurityGroupRequest(plan), ct), cancellationToken);
        var groupId = group.GroupId;
        await created(groupId, cancellationToken);
        var ingress = new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = groupId,
            IpPermissions = [.. MesosPorts.All.Select(p => new IpPermission
            {
                IpProtocol = "tcp",
                FromPort = p.From,
                ToPort = p.To,
                Ipv4Ranges = [new IpRange { CidrIp = plan.AllowedCidr, Description = p.Purpose }],
            })],
        };
        await CallAsync("open the Mesos ports in the security group", ct => client.AuthorizeSecurityGroupIngressAsync(ingress, ct), cancellationToken);
        return groupId;
    }

    /// <summary>EC2 answers DependencyViolation while an instance in the group is still shutting down.</summary>
    public async Task<SecurityGroupDeletion> DeleteSecurityGroupAsync(string securityGroupId, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync("delete the security group", ct => client.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = securityGroupId }, ct), cancellationToken);
            return SecurityGroupDeletion.Deleted;
        }
        catch (CloudOperationException e) when (e.Code == "DependencyViolation")
        {
            return SecurityGroupDeletion.InUse;
        }
        catch (CloudOperationException e) when (e.Code == "InvalidGroup.NotFound")
        {
            return SecurityGroupDeletion.NotFound;
        }
    }

    /// <summary>EC2 instances get public addresses from their subnet, not from a pool the wizard picks.</summary>
    public Task<IReadOnlyList<CloudChoice>> ListExternalNetworksAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CloudChoice>>([]);

    public Task<FloatingAddress> AttachFloatingAddressAsync(string instanceId, string externalNetworkId, CancellationToken cancellationToken) =>
        throw NoFloatingAddresses();

    public Task ReleaseFloatingAddressAsync(string floatingAddressId, CancellationToken cancellationToken) =>
        throw NoFloatingAddresses();

    /// <summary>DescribeInstances filtered on the cluster tag the launch sets, and on the group where known (a name alone may be reused later).</summary>
    public async Task<IReadOnlyList<FoundInstance>> FindLaunchedAsync(string clusterName, string? securityGroupId, CancellationToken cancellationToken)
    {
        var filters = new List<Filter>
        {
            new($"tag:{LaunchPlan.ClusterTag}", [clusterName]),
            new("instance-state-name", ["pending", "running", "stopping", "stopped", "shutting-down"]),
        };
        if (securityGroupId is not null)
        {
            filters.Add(new Filter("instance.group-id", [securityGroupId]));
        }

        var found = new List<FoundInstance>();
        string? next = null;
        do
        {
            var request = new DescribeInstancesRequest { Filters = filters, NextToken = next };
            var response = await CallAsync("look for the cluster's instances", ct => client.DescribeInstancesAsync(request, ct), cancellationToken);
            foreach (var instance in (response.Reservations ?? []).SelectMany(r => r.Instances ?? []))
            {
                string? Tag(string key) => instance.Tags?.FirstOrDefault(t => t.Key == key)?.Value;
                var role = Tag(LaunchPlan.RoleTag) == "master" ? InstanceRole.Master : InstanceRole.Agent;
                found.Add(new FoundInstance(ToInstance(instance), Tag("Name"), role, null));
            }

            next = response.NextToken;
        }
        while (!string.IsNullOrEmpty(next));

        return found;
    }

    public async Task LaunchAsync(LaunchPlan plan, InstanceRole role, string securityGroupId, Func<LaunchedInstance, CancellationToken, Task> created, CancellationToken cancellationToken)
    {
        var request = RunRequest(plan, role, securityGroupId);
        var response = await CallAsync($"launch the {role.ToString().ToLowerInvariant()} instances", ct => client.RunInstancesAsync(request, ct), cancellationToken);
        var number = 0;
        foreach (var instance in response.Reservation?.Instances ?? [])
        {
            // One RunInstances call names all its instances alike; the record tells them apart by number.
            await created(new LaunchedInstance(instance.InstanceId, plan.InstanceName(role, ++number), instance.State?.Name?.Value ?? "pending"), cancellationToken);
        }
    }

    public async Task<IReadOnlyList<CloudInstance>> DescribeAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
    {
        // A filter rather than InstanceIds: EC2 fails the whole call for one id it does not know (yet, just
        // after launch, or any more, an hour after termination); with a filter that id is only missing.
        var request = new DescribeInstancesRequest { Filters = [new Filter("instance-id", [.. instanceIds])] };
        var response = await CallAsync("describe the instances", ct => client.DescribeInstancesAsync(request, ct), cancellationToken);
        return [.. (response.Reservations ?? []).SelectMany(r => r.Instances ?? []).Select(ToInstance)];
    }

    public async Task TerminateAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
    {
        var request = new TerminateInstancesRequest { InstanceIds = [.. instanceIds] };
        await CallAsync("terminate the instances", ct => client.TerminateInstancesAsync(request, ct), cancellationToken);
    }

    public void Dispose() => client.Dispose();

    private static CloudInstance ToInstance(Instance i) => new(i.InstanceId, i.State?.Name?.Value ?? "unknown", i.PublicIpAddress, i.PrivateIpAddress);

    private static CloudOperationException NoFloatingAddresses() =>
        new("EC2 instances get their public addresses from the subnet; there are no floating IPs to manage here.", "NotSupported");

    private static CreateSecurityGroupRequest SecurityGroupRequest(LaunchPlan plan) => new()
    {
        GroupName = plan.SecurityGroupName,
        Description = $"Mesos cluster {plan.ClusterName} (MesosConsole): Mesos, ZooKeeper, scheduler and task ports from {plan.AllowedCidr}",
        TagSpecifications =
        [
            new TagSpecification
            {
                ResourceType = ResourceType.SecurityGroup,
                Tags = [new Tag(LaunchPlan.ClusterTag, plan.ClusterName)],
            },
        ],
    };

    private static RunInstancesRequest RunRequest(LaunchPlan plan, InstanceRole role, string? securityGroupId)
    {
        var count = plan.Count(role);
        var tags = plan.TagsFor(role, plan.RoleName(role));
        return new RunInstancesRequest
        {
            ImageId = plan.ImageId,
            InstanceType = InstanceType.FindValue(plan.InstanceType(role)),
            // All or nothing: a cluster with half its agents is not what the user asked for.
            MinCount = count,
            MaxCount = count,
            KeyName = plan.KeyName,
            SecurityGroupIds = securityGroupId is null ? null : [securityGroupId],
            TagSpecifications =
            [
                new TagSpecification
                {
                    ResourceType = ResourceType.Instance,
                    Tags = [.. tags.Select(t => new Tag(t.Key, t.Value))],
                },
            ],
        };
    }

    private async Task DryRunAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            await retry.RunAsync(operation, call, Ec2Errors.IsThrottling, cancellationToken);
        }
        catch (AmazonEC2Exception e) when (e.ErrorCode == Ec2Errors.DryRunOperation)
        {
            // "Request would have succeeded, but DryRun flag is set."
        }
        catch (AmazonEC2Exception e)
        {
            throw Ec2Errors.Explain(e, operation);
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonClientException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw Ec2Errors.Unreachable(e, operation);
        }
    }

    private async Task<T> CallAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await retry.RunAsync(operation, call, Ec2Errors.IsThrottling, cancellationToken);
        }
        catch (AmazonEC2Exception e)
        {
            throw Ec2Errors.Explain(e, operation);
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonClientException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw Ec2Errors.Unreachable(e, operation);
        }
    }
}
