using MesosConsole.Data.Provisioning;
using MesosConsole.Provisioning.Cloud;
using MesosConsole.Provisioning.Cloud.Credentials;
using MesosConsole.Provisioning.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MesosConsole.Provisioning.Tests.Cloud;

/// <summary>
/// The whole provisioning flow with the console's real services: stored credential → dry run →
/// recorded request → launch through the real AWS SDK / HttpClient on the local endpoints → states
/// followed on a fake clock → terminate, with every record checked in the SQLite file.
/// </summary>
public sealed class CloudProvisionerTests : IAsyncLifetime
{
    private CloudTestHost _host = default!;

    public async ValueTask InitializeAsync() => _host = await CloudTestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task LaunchAsync_InstancesStart_DryRunFirstThenEveryInstanceRecordedAndRunning()
    {
        var target = await Ec2TargetAsync();
        var requestId = await _host.Provisioner.CheckAsync(target, CloudPlans.Ec2(), "alice", TestContext.Current.CancellationToken);
        Assert.Equal(ProvisioningState.Validated, (await _host.Provisioner.LoadAsync(requestId, TestContext.Current.CancellationToken)).State);
        Assert.All(_host.Ec2.Calls, c => Assert.True(c.IsDryRun));
        _host.AutoAdvance(_ => _host.Ec2.SetAllStates("running"));
        var reports = new List<LaunchProgress>();

        var request = await _host.Provisioner.LaunchAsync(requestId, reports.Add, TestContext.Current.CancellationToken);

        Assert.Equal(ProvisioningState.Running, request.State);
        Assert.Null(request.Error);
        Assert.Equal(5, request.Instances.Count);
        Assert.Equal(3, request.Instances.Count(i => i.Role == InstanceRole.Master));
        Assert.All(request.Instances, i => Assert.Equal("running", i.State));
        Assert.All(request.Instances, i => Assert.NotNull(i.PrivateAddress));
        Assert.Contains("teaching-lab-agent-2", request.Instances.Select(i => i.Name));
        var actions = _host.Ec2.Calls.Where(c => !c.IsDryRun).Select(c => c.Action).ToList();
        Assert.Equal(["CreateSecurityGroup", "AuthorizeSecurityGroupIngress", "RunInstances", "RunInstances", "DescribeInstances", "DescribeInstances"], actions);
        Assert.Contains(reports, r => r.Message == "5 of 5 running");
        await using var db = await _host.DbAsync();
        Assert.Equal(5, await db.ProvisionedInstances.CountAsync(i => i.RequestId == requestId, TestContext.Current.CancellationToken));
        Assert.Equal("alice", (await db.ProvisioningRequests.SingleAsync(TestContext.Current.CancellationToken)).RequestedBy);
    }

    [Fact]
    public async Task LaunchAsync_AgentsHitInsufficientCapacity_MastersStayRecordedAndRequestFailedInPlainWords()
    {
        var requestId = await _host.Provisioner.CheckAsync(await Ec2TargetAsync(), CloudPlans.Ec2(), null, TestContext.Current.CancellationToken);
        _host.Ec2.Fail("RunInstances", "InsufficientInstanceCapacity", "We currently do not have sufficient m5.large capacity.", status: 500, skip: 1);

        var request = await _host.Provisioner.LaunchAsync(requestId, null, TestContext.Current.CancellationToken);

        Assert.Equal(ProvisioningState.Failed, request.State);
        Assert.Contains("no spare capacity", request.Error, StringComparison.Ordinal);
        Assert.Contains("3 instance(s) were created", request.Error, StringComparison.Ordinal);
        Assert.Equal(3, request.Instances.Count);
        Assert.All(request.Instances, i => Assert.Equal(InstanceRole.Master, i.Role));
        Assert.All(request.Instances, i => Assert.Null(i.TerminatedAt));
    }

    [Fact]
    public async Task LaunchAsync_InstancesNeverRun_FailsAtTheTimeoutAfterPollingOnTheClock()
    {
        var requestId = await _host.Provisioner.CheckAsync(await Ec2TargetAsync(), CloudPlans.Ec2(), null, TestContext.Current.CancellationToken);
        var waits = new List<TimeSpan>();
        _host.AutoAdvance(waits.Add);

        var request = await _host.Provisioner.LaunchAsync(requestId, null, TestContext.Current.CancellationToken);

        Assert.Equal(ProvisioningState.Failed, request.State);
        Assert.Contains("Only 0 of 5 instances were running after 1 min", request.Error, StringComparison.Ordinal);
        Assert.Equal(12, waits.Count);
        Assert.All(waits, w => Assert.Equal(TimeSpan.FromSeconds(5), w));
        Assert.Equal(13, _host.Ec2.CallsOf("DescribeInstances").Count);
        Assert.Equal(5, request.Instances.Count);
    }

    [Fact]
    public async Task TerminateAsync_WrongTypedName_RefusedAndNothingTerminated()
    {
        var requestId = await LaunchedEc2Async();

        var error = await Assert.ThrowsAsync<CloudOperationException>(() => _host.Provisioner.TerminateAsync(requestId, "teaching", TestContext.Current.CancellationToken));

        Assert.Contains("Type the cluster's name, teaching-lab", error.Message, StringComparison.Ordinal);
        Assert.Empty(_host.Ec2.CallsOf("TerminateInstances"));
        Assert.Equal(ProvisioningState.Running, (await _host.Provisioner.LoadAsync(requestId, TestContext.Current.CancellationToken)).State);
    }

    [Fact]
    public async Task TerminateAsync_TypedName_TerminatesEveryInstanceAndRecordsIt()
    {
        var requestId = await LaunchedEc2Async();
        var ids = (await _host.Provisioner.LoadAsync(requestId, TestContext.Current.CancellationToken)).Instances.Select(i => i.CloudInstanceId).Order().ToList();
        var asked = _host.Time.GetUtcNow();

        await _host.Provisioner.TerminateAsync(requestId, "teaching-lab", TestContext.Current.CancellationToken);

        var call = _host.Ec2.CallsOf("TerminateInstances").Single();
        Assert.Equal(ids, call.Form.Where(f => f.Key.StartsWith("InstanceId.", StringComparison.Ordinal)).Select(f => f.Value).Order());
        var request = await _host.Provisioner.LoadAsync(requestId, TestContext.Current.CancellationToken);
        Assert.Equal(ProvisioningState.Terminated, request.State);
        Assert.All(request.Instances, i => Assert.Equal(asked, i.TerminatedAt));
        // The clean-up followed them until EC2 reported them gone, to delete the group after.
        Assert.All(request.Instances, i => Assert.Equal("terminated", i.State));
    }

    [Fact]
    public async Task CheckAsync_InvalidPlan_RefusedBeforeAnyCloudCall()
    {
        var plan = CloudPlans.Ec2();
        plan.MasterCount = 2;

        var error = await Assert.ThrowsAsync<CloudOperationException>(() => _host.Provisioner.CheckAsync(new CloudTarget(CloudProvider.Ec2, "us-east-1", null), plan, null, TestContext.Current.CancellationToken));

        Assert.Equal("InvalidPlan", error.Code);
        Assert.Contains("odd number of masters", error.Message, StringComparison.Ordinal);
        Assert.Empty(_host.Ec2.Calls);
    }

    [Fact]
    public async Task OpenStackFlow_StoredApplicationCredential_ChecksLaunchesAndFollowsServersToActive()
    {
        var credential = await _host.Vault.SaveAsync("jetstream", new OpenStackSecret
        {
            AuthUrl = _host.OpenStack.AuthUrl,
            Method = OpenStackAuthMethod.ApplicationCredential,
            ApplicationCredentialId = "cred-id-1234",
            ApplicationCredentialSecret = "cred-secret",
        }, TestContext.Current.CancellationToken);
        var target = new CloudTarget(CloudProvider.OpenStack, OpenStackTestEndpoint.Region, credential.Id);
        var requestId = await _host.Provisioner.CheckAsync(target, CloudPlans.OpenStack(), null, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(_host.OpenStack.Calls, c => c.Method == "POST" && !c.Path.StartsWith("/identity/", StringComparison.Ordinal));
        _host.AutoAdvance(_ => _host.OpenStack.SetAllStatuses("ACTIVE"));

        var request = await _host.Provisioner.LaunchAsync(requestId, null, TestContext.Current.CancellationToken);

        Assert.Equal(ProvisioningState.Running, request.State);
        Assert.Equal(["js2-lab-agent-1", "js2-lab-agent-2", "js2-lab-master-1"], request.Instances.Select(i => i.Name).Order());
        Assert.All(request.Instances, i => Assert.Equal("ACTIVE", i.State));
        Assert.Equal(3, _host.OpenStack.Calls.Count(c => c.Method == "POST" && c.Path == "/compute/v2.1/servers"));
    }

    private async Task<CloudTarget> Ec2TargetAsync()
    {
        var credential = await _host.Vault.SaveAsync("lab account", new Ec2Secret("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), TestContext.Current.CancellationToken);
        return new CloudTarget(CloudProvider.Ec2, "us-east-1", credential.Id);
    }

    private async Task<Guid> LaunchedEc2Async()
    {
        var requestId = await _host.Provisioner.CheckAsync(await Ec2TargetAsync(), CloudPlans.Ec2(), null, TestContext.Current.CancellationToken);
        _host.AutoAdvance(_ => _host.Ec2.SetAllStates("running"));
        await _host.Provisioner.LaunchAsync(requestId, null, TestContext.Current.CancellationToken);
        // Later waits (instances shutting down) pass on the clock without reviving anything.
        _host.AutoAdvance();
        return requestId;
    }
}
