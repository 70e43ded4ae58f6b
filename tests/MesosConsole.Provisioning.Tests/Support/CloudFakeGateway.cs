using System.Collections.Concurrent;
using MesosConsole.Data.Provisioning;
using MesosConsole.Provisioning.Cloud;

namespace MesosConsole.Provisioning.Tests.Support;

/// <summary>
/// A cloud for page tests (the gateways themselves are tested against the local endpoints): records
/// what the wizard asked, starts instances that are running at the first look, and fails a call when told.
/// </summary>
public sealed class CloudFakeGateway : ICloudGateway, ICloudGatewayFactory
{
    private int _next;

    public ConcurrentQueue<string> Calls { get; } = new();

    public List<CloudTarget> Targets { get; } = [];

    public List<string> Terminated { get; } = [];

    public Exception? CheckFailure { get; set; }

    /// <summary>Thrown by the first launch call, after the security group was created.</summary>
    public Exception? LaunchFailure { get; set; }

    /// <summary>Security groups created and not yet deleted.</summary>
    public HashSet<string> Groups { get; } = [];

    /// <summary>How many deletion attempts answer "in use" before one succeeds.</summary>
    public int GroupInUseAnswers { get; set; }

    /// <summary>Floating IPs attached and not released, by id, with the instance each is on.</summary>
    public Dictionary<string, string> FloatingAddresses { get; } = [];

    /// <summary>What <see cref="FindLaunchedAsync"/> answers besides nothing.</summary>
    public List<FoundInstance> InCloudOnly { get; } = [];

    public Task<ICloudGateway> CreateAsync(CloudTarget target, CancellationToken cancellationToken)
    {
        Targets.Add(target);
        return Task.FromResult<ICloudGateway>(this);
    }

    public Task<IReadOnlyList<CloudKeyPair>> ListKeyPairsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CloudKeyPair>>([new("lab-key", "1f:51")]);

    public Task<string> CreateKeyPairAsync(string name, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"CreateKeyPair {name}");
        return Task.FromResult("-----BEGIN PRIVATE KEY-----");
    }

    public Task ImportKeyPairAsync(string name, string publicKey, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"ImportKeyPair {name}");
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CloudChoice>> ListImagesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CloudChoice>>([new("img-ubuntu", "Featured-Ubuntu22")]);

    public Task<IReadOnlyList<CloudChoice>> ListMachineTypesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CloudChoice>>([new("m3.small", "m3.small (2 vCPU)"), new("m3.medium", "m3.medium (8 vCPU)")]);

    public Task CheckAsync(LaunchPlan plan, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"Check {plan.ClusterName} {plan.MasterCount}x{plan.MasterType} {plan.AgentCount}x{plan.AgentType} {plan.KeyName} {plan.AllowedCidr}");
        return CheckFailure is { } failure ? Task.FromException(failure) : Task.CompletedTask;
    }

    public async Task<string> CreateSecurityGroupAsync(LaunchPlan plan, Func<string, CancellationToken, Task> created, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"CreateSecurityGroup {plan.AllowedCidr}");
        Groups.Add("sg-fake");
        await created("sg-fake", cancellationToken);
        return "sg-fake";
    }

    public Task<SecurityGroupDeletion> DeleteSecurityGroupAsync(string securityGroupId, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"DeleteSecurityGroup {securityGroupId}");
        if (GroupInUseAnswers > 0)
        {
            GroupInUseAnswers--;
            return Task.FromResult(SecurityGroupDeletion.InUse);
        }

        return Task.FromResult(Groups.Remove(securityGroupId) ? SecurityGroupDeletion.Deleted : SecurityGroupDeletion.NotFound);
    }

    public Task<IReadOnlyList<CloudChoice>> ListExternalNetworksAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CloudChoice>>([new("ext-public", "public")]);

    public Task<FloatingAddress> AttachFloatingAddressAsync(string instanceId, string externalNetworkId, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"AttachFloatingAddress {instanceId} {externalNetworkId}");
        var address = new FloatingAddress($"fip-{instanceId}", $"149.165.150.{FloatingAddresses.Count + 1}");
        FloatingAddresses[address.Id] = instanceId;
        return Task.FromResult(address);
    }

    public Task ReleaseFloatingAddressAsync(string floatingAddressId, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"ReleaseFloatingAddress {floatingAddressId}");
        FloatingAddresses.Remove(floatingAddressId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FoundInstance>> FindLaunchedAsync(string clusterName, string? securityGroupId, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"FindLaunched {clusterName} {securityGroupId}");
        return Task.FromResult<IReadOnlyList<FoundInstance>>([.. InCloudOnly]);
    }

    public async Task LaunchAsync(LaunchPlan plan, InstanceRole role, string securityGroupId, Func<LaunchedInstance, CancellationToken, Task> created, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"Launch {role} {plan.Count(role)}");
        if (LaunchFailure is { } failure)
        {
            throw failure;
        }

        for (var n = 1; n <= plan.Count(role); n++)
        {
            await created(new LaunchedInstance($"i-fake{Interlocked.Increment(ref _next)}", plan.InstanceName(role, n), "pending"), cancellationToken);
        }
    }

    /// <summary>Running at the first look; terminated ones are gone at the first look after terminating.</summary>
    public Task<IReadOnlyList<CloudInstance>> DescribeAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CloudInstance>>([.. instanceIds.Select(id => Terminated.Contains(id)
            ? new CloudInstance(id, "terminated", null, null)
            : new CloudInstance(id, "running", "198.51.100.9", "10.0.0.9"))]);

    public Task TerminateAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
    {
        Terminated.AddRange(instanceIds);
        return Task.CompletedTask;
    }
}
