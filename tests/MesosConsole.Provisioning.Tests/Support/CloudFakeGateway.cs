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

    public Task<string> CreateSecurityGroupAsync(LaunchPlan plan, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"CreateSecurityGroup {plan.AllowedCidr}");
        return Task.FromResult("sg-fake");
    }

    public async Task LaunchAsync(LaunchPlan plan, InstanceRole role, string securityGroupId, Func<LaunchedInstance, CancellationToken, Task> created, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"Launch {role} {plan.Count(role)}");
        for (var n = 1; n <= plan.Count(role); n++)
        {
            await created(new LaunchedInstance($"i-fake{Interlocked.Increment(ref _next)}", plan.InstanceName(role, n), "pending"), cancellationToken);
        }
    }

    public Task<IReadOnlyList<CloudInstance>> DescribeAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CloudInstance>>([.. instanceIds.Select(id => new CloudInstance(id, "running", "198.51.100.9", "10.0.0.9"))]);

    public Task TerminateAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
    {
        Terminated.AddRange(instanceIds);
        return Task.CompletedTask;
    }
}
