using MesosConsole.Data.Provisioning;
using MesosConsole.Provisioning.Cloud;
using MesosConsole.Provisioning.Cloud.Credentials;
using MesosConsole.Provisioning.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MesosConsole.Provisioning.Tests.Cloud;

/// <summary>
/// Restart safety: a launch the console never finished is marked failed at start-up, and Find instances
/// adopts instances the cloud holds for the cluster (by the tags / metadata the launch sets) that the
/// console never recorded; Refresh records what the cloud says now.
/// </summary>
public sealed class InstanceRecoveryTests : IAsyncLifetime
{
    private CloudTestHost _host = default!;

    public async ValueTask InitializeAsync() => _host = await CloudTestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StartUp_RequestLeftLaunching_MarkedFailedWithThePlainMessageOthersUntouched()
    {
        var target = await Ec2TargetAsync();
        var interrupted = await _host.Provisioner.CheckAsync(target, Plan("interrupted"), null, TestContext.Current.CancellationToken);
        var running = await _host.Provisioner.CheckAsync(target, Plan("running"), null, TestContext.Current.CancellationToken);
        var validated = await _host.Provisioner.CheckAsync(target, Plan("checked"), null, TestContext.Current.CancellationToken);
        await SetStateAsync(interrupted, ProvisioningState.Launching);
        await SetStateAsync(running, ProvisioningState.Running);

        // What the host does at start-up: every hosted service AddCloudProvisioning (and the database) registered.
        foreach (var service in _host.Services.GetServices<IHostedService>())
        {
            await service.StartAsync(TestContext.Current.CancellationToken);
        }

        var failed = await _host.Provisioner.LoadAsync(interrupted, TestContext.Current.CancellationToken);
        Assert.Equal(ProvisioningState.Failed, failed.State);
        Assert.Equal(
            "The console stopped during this launch; instances it had started may still be running. Press Find instances to look for them in the cloud, then terminate what you do not need.",
            failed.Error);
        Assert.Equal(ProvisioningState.Running, (await _host.Provisioner.LoadAsync(running, TestContext.Current.CancellationToken)).State);
        Assert.Equal(ProvisioningState.Validated, (await _host.Provisioner.LoadAsync(validated, TestContext.Current.CancellationToken)).State);
        Assert.Contains("1 launch(es) were interrupted by the last stop of the console", _host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindInstancesAsync_Ec2CreatedTheAgentsButTheAnswerWasLost_AdoptedByTagAndGroupThenTerminable()
    {
        var requestId = await _host.Provisioner.CheckAsync(await Ec2TargetAsync(), CloudPlans.Ec2(), null, TestContext.Current.CancellationToken);
        _host.Ec2.LoseAnswer("RunInstances", skip: 1);
        var failed = await _host.Provisioner.LaunchAsync(requestId, null, TestContext.Current.CancellationToken);
        Assert.Equal(3, failed.Instances.Count);
        var lost = _host.Ec2.Instances.Values.Where(i => i.Tags["mesosconsole:role"] == "agent").Select(i => i.Id).Order().ToList();
        Assert.Equal(2, lost.Count);
        _host.Ec2.SetAllStates("running");

        var adopted = await _host.Provisioner.FindInstancesAsync(requestId, TestContext.Current.CancellationToken);

        Assert.Equal(lost, adopted.Select(i => i.CloudInstanceId).Order());
        Assert.Equal(["teaching-lab-agent-1", "teaching-lab-agent-2"], adopted.Select(i => i.Name).Order());
        Assert.All(adopted, i => Assert.Equal(InstanceRole.Agent, i.Role));
        var find = _host.Ec2.CallsOf("DescribeInstances").First(c => c["Filter.1.Name"] != "instance-id");
        Assert.Equal(("tag:mesosconsole:cluster", "teaching-lab"), (find["Filter.1.Name"], find["Filter.1.Value.1"]));
        Assert.Equal(("instance.group-id", "sg-0123456789abcdef0"), (find["Filter.3.Name"], find["Filter.3.Value.1"]));
        Assert.Equal("instance-state-name", find["Filter.2.Name"]);
        var request = await _host.Provisioner.LoadAsync(requestId, TestContext.Current.CancellationToken);
        Assert.Equal(5, request.Instances.Count);
        Assert.All(request.Instances, i => Assert.Equal("running", i.State));
        Assert.All(request.Instances, i => Assert.NotNull(i.PrivateAddress));

        // Finding again adopts nothing twice.
        Assert.Empty(await _host.Provisioner.FindInstancesAsync(requestId, TestContext.Current.CancellationToken));
        _host.AutoAdvance();
        await _host.Provisioner.TerminateAsync(requestId, "teaching-lab", TestContext.Current.CancellationToken);
        var terminated = _host.Ec2.CallsOf("TerminateInstances").Single().Form.Where(f => f.Key.StartsWith("InstanceId.", StringComparison.Ordinal)).Select(f => f.Value);
        Assert.Equal(5, terminated.Count());
        Assert.Superset(lost.ToHashSet(), terminated.ToHashSet());
    }

    [Fact]
    public async Task FindInstancesAsync_OpenStackServerNeverRecorded_AdoptedByMetadataWithItsFloatingIp()
    {
        var requestId = await CloudOpenStack.CheckAsync(_host, withFloatingIps: true);
        _host.AutoAdvance(_ => _host.OpenStack.SetAllStatuses("ACTIVE"));
        await _host.Provisioner.LaunchAsync(requestId, null, TestContext.Current.CancellationToken);
        // As if the console stopped in the instant after Nova created js2-lab-agent-2: no row, still Launching.
        await using (var db = await _host.DbAsync())
        {
            await db.ProvisionedInstances.Where(i => i.Name == "js2-lab-agent-2").ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        }

        await SetStateAsync(requestId, ProvisioningState.Launching);
        await new InterruptedLaunchRecovery(_host.Database.Factory, Microsoft.Extensions.Logging.Abstractions.NullLogger<InterruptedLaunchRecovery>.Instance).StartAsync(TestContext.Current.CancellationToken);

        var adopted = Assert.Single(await _host.Provisioner.FindInstancesAsync(requestId, TestContext.Current.CancellationToken));

        Assert.Equal(("js2-lab-agent-2", InstanceRole.Agent, "server-3"), (adopted.Name, adopted.Role, adopted.CloudInstanceId));
        var floating = Assert.Single(_host.OpenStack.FloatingIps, f => f.Value.ServerId == "server-3");
        Assert.Equal((floating.Key, floating.Value.Address), (adopted.FloatingIpId, adopted.PublicAddress));
        Assert.Equal("/compute/v2.1/servers/detail?name=%5Ejs2-lab-", Assert.Single(_host.OpenStack.CallsTo("GET", "/compute/v2.1/servers/detail")).Path);
        var request = await _host.Provisioner.LoadAsync(requestId, TestContext.Current.CancellationToken);
        Assert.Equal(ProvisioningState.Failed, request.State);
        Assert.Equal(3, request.Instances.Count);
    }

    [Fact]
    public async Task RefreshAsync_InstanceTerminatedOutsideTheConsole_RecordedGoneOthersRefreshed()
    {
        var requestId = await _host.Provisioner.CheckAsync(await Ec2TargetAsync(), CloudPlans.Ec2(), null, TestContext.Current.CancellationToken);
        _host.AutoAdvance(_ => _host.Ec2.SetAllStates("running"));
        var launched = await _host.Provisioner.LaunchAsync(requestId, null, TestContext.Current.CancellationToken);
        var gone = launched.Instances.OrderBy(i => i.Name, StringComparer.Ordinal).First().CloudInstanceId;
        _host.Ec2.SetAllStates("stopped");
        _host.Ec2.Instances[gone].State = "terminated";

        await _host.Provisioner.RefreshAsync(requestId, TestContext.Current.CancellationToken);

        var request = await _host.Provisioner.LoadAsync(requestId, TestContext.Current.CancellationToken);
        var refreshed = request.Instances.Single(i => i.CloudInstanceId == gone);
        Assert.Equal(("terminated", _host.Time.GetUtcNow()), (refreshed.State, refreshed.TerminatedAt));
        Assert.All(request.Instances.Where(i => i.CloudInstanceId != gone), i => Assert.Equal(("stopped", null), (i.State, i.TerminatedAt)));
    }

    private static LaunchPlan Plan(string name)
    {
        var plan = CloudPlans.Ec2();
        plan.ClusterName = name;
        return plan;
    }

    private async Task SetStateAsync(Guid requestId, ProvisioningState state)
    {
        await using var db = await _host.DbAsync();
        await db.ProvisioningRequests.Where(r => r.Id == requestId).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, state), TestContext.Current.CancellationToken);
    }

    private async Task<CloudTarget> Ec2TargetAsync()
    {
        var credential = await _host.Vault.SaveAsync("lab account", new Ec2Secret("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), TestContext.Current.CancellationToken);
        return new CloudTarget(CloudProvider.Ec2, "us-east-1", credential.Id);
    }
}
