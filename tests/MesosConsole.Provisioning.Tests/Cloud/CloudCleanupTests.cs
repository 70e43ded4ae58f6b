using MesosConsole.Data.Provisioning;
using MesosConsole.Provisioning.Cloud;
using MesosConsole.Provisioning.Cloud.Credentials;
using MesosConsole.Provisioning.Tests.Support;

namespace MesosConsole.Provisioning.Tests.Cloud;

/// <summary>
/// Clean-up with the console's real services: the security group a launch created is deleted after its
/// instances are gone, through the real AWS SDK and HttpClient against the local endpoints, with every
/// wait on the fake clock (none of these tests waits for real).
/// </summary>
public sealed class CloudCleanupTests : IAsyncLifetime
{
    private const string Ec2Group = "sg-0123456789abcdef0";
    private readonly List<TimeSpan> _waits = [];
    private CloudTestHost _host = default!;

    public async ValueTask InitializeAsync() => _host = await CloudTestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TerminateAsync_Ec2InstancesShuttingDownThenDependencyViolation_WaitsOnTheClockThenDeletesTheGroup()
    {
        var requestId = await LaunchedEc2Async();
        var launched = _host.Ec2.Calls.Count;
        _host.Ec2.ShuttingDownDescribes = 2;
        // EC2 can go on refusing a little after the instances read terminated (network interfaces detaching).
        _host.Ec2.FailTimes("DeleteSecurityGroup", "DependencyViolation", $"resource {Ec2Group} has a dependent object", times: 2);
        var started = _host.Time.GetUtcNow();

        await _host.Provisioner.TerminateAsync(requestId, "teaching-lab", TestContext.Current.CancellationToken);

        var after = _host.Ec2.Calls.Skip(launched).ToList();
        Assert.Equal(
            ["TerminateInstances", "DescribeInstances", "DescribeInstances", "DescribeInstances", "DeleteSecurityGroup", "DeleteSecurityGroup", "DeleteSecurityGroup"],
            after.Select(c => c.Action));
        Assert.All(after.Where(c => c.Action == "DeleteSecurityGroup"), c => Assert.Equal(Ec2Group, c["GroupId"]));
        Assert.All(after.Where(c => c.Action == "DescribeInstances"), c => Assert.Equal("instance-id", c["Filter.1.Name"]));
        // Two polls while shutting down, two pauses between refused deletions: 4 × Cloud:PollInterval, on the fake clock.
        Assert.Equal([.. Enumerable.Repeat(TimeSpan.FromSeconds(5), 4)], _waits);
        Assert.Equal(started + TimeSpan.FromSeconds(20), _host.Time.GetUtcNow());
        var request = await _host.Provisioner.LoadAsync(requestId, TestContext.Current.CancellationToken);
        Assert.Equal((ProvisioningState.Terminated, null), (request.State, request.Error));
        Assert.Equal(Ec2Group, request.SecurityGroupId);
        Assert.Equal(_host.Time.GetUtcNow(), request.SecurityGroupDeletedAt);
        Assert.All(request.Instances, i => Assert.Equal("terminated", i.State));
        Assert.Empty(_host.Ec2.Groups);
    }

    [Fact]
    public async Task TerminateAsync_Ec2GroupInUseOnEveryAttempt_SaysSoInPlainWordsAndDeleteSecurityGroupRetriesLater()
    {
        var requestId = await LaunchedEc2Async();
        _host.Ec2.ShuttingDownDescribes = 0;
        _host.Ec2.FailTimes("DeleteSecurityGroup", "DependencyViolation", $"resource {Ec2Group} has a dependent object", times: 5);

        await _host.Provisioner.TerminateAsync(requestId, "teaching-lab", TestContext.Current.CancellationToken);

        var request = await _host.Provisioner.LoadAsync(requestId, TestContext.Current.CancellationToken);
        Assert.Equal(5, _host.Ec2.CallsOf("DeleteSecurityGroup").Count);
        Assert.Equal(ProvisioningState.Terminated, request.State);
        Assert.Null(request.SecurityGroupDeletedAt);
        Assert.Equal(
            $"Security group {Ec2Group} could not be deleted: the cloud still reported it in use after 5 attempts (a stopping instance or a network port can hold it for a while). Press Delete security group again in a few minutes.",
            request.Error);
        Assert.True(CloudCleanup.HasGroupLeft(request));

        await _host.Provisioner.DeleteSecurityGroupAsync(requestId, TestContext.Current.CancellationToken);

        request = await _host.Provisioner.LoadAsync(requestId, TestContext.Current.CancellationToken);
        Assert.Equal(6, _host.Ec2.CallsOf("DeleteSecurityGroup").Count);
        Assert.NotNull(request.SecurityGroupDeletedAt);
        Assert.Null(request.Error);
        Assert.False(CloudCleanup.HasGroupLeft(request));
        Assert.Single(_host.Ec2.CallsOf("TerminateInstances"));
    }

    [Fact]
    public async Task TerminateAsync_Ec2InstancesNeverStop_GroupLeftAtTheTimeoutWithoutADeleteAttempt()
    {
        var requestId = await LaunchedEc2Async();
        _host.Ec2.ShuttingDownDescribes = int.MaxValue;

        await _host.Provisioner.TerminateAsync(requestId, "teaching-lab", TestContext.Current.CancellationToken);

        var request = await _host.Provisioner.LoadAsync(requestId, TestContext.Current.CancellationToken);
        Assert.Empty(_host.Ec2.CallsOf("DeleteSecurityGroup"));
        Assert.Equal(60, _waits.Count);
        Assert.StartsWith("The instances were terminated, but 5 of them had not shut down after 5 min (Cloud:TerminateTimeout)", request.Error, StringComparison.Ordinal);
        Assert.Contains("Press Delete security group", request.Error, StringComparison.Ordinal);
        Assert.All(request.Instances, i => Assert.Equal("shutting-down", i.State));
        Assert.Contains(Ec2Group, _host.Ec2.Groups);
    }

    [Fact]
    public async Task TerminateAsync_Ec2RefusesToDescribeWhileWaiting_InstancesRecordedTerminatedAndTheGroupLeftInPlainWords()
    {
        var requestId = await LaunchedEc2Async();
        _host.Ec2.Fail("DescribeInstances", "UnauthorizedOperation", "You are not authorized to perform this operation.", status: 403);

        await _host.Provisioner.TerminateAsync(requestId, "teaching-lab", TestContext.Current.CancellationToken);

        var request = await _host.Provisioner.LoadAsync(requestId, TestContext.Current.CancellationToken);
        Assert.Equal(ProvisioningState.Terminated, request.State);
        Assert.All(request.Instances, i => Assert.NotNull(i.TerminatedAt));
        Assert.StartsWith($"Security group {Ec2Group} was not deleted: These AWS credentials are not allowed to describe the instances.", request.Error, StringComparison.Ordinal);
        Assert.EndsWith("Press Delete security group to try again.", request.Error, StringComparison.Ordinal);
        Assert.Empty(_host.Ec2.CallsOf("DeleteSecurityGroup"));
        Assert.True(CloudCleanup.HasGroupLeft(request));
    }

    [Fact]
    public async Task LaunchAsync_Ec2PortsRefusedAfterTheGroupWasCreated_GroupRecordedAndCleanUpDeletesIt()
    {
        var requestId = await _host.Provisioner.CheckAsync(await Ec2TargetAsync(), CloudPlans.Ec2(), null, TestContext.Current.CancellationToken);
        _host.Ec2.Fail("AuthorizeSecurityGroupIngress", "InvalidPermission.Malformed", "Invalid IPv4 range.");

        var failed = await _host.Provisioner.LaunchAsync(requestId, null, TestContext.Current.CancellationToken);

        Assert.Equal(ProvisioningState.Failed, failed.State);
        Assert.Empty(failed.Instances);
        Assert.Equal(Ec2Group, failed.SecurityGroupId);
        Assert.EndsWith($"The security group {Ec2Group} was created: delete it below.", failed.Error, StringComparison.Ordinal);
        Assert.True(CloudCleanup.HasGroupLeft(failed));

        await _host.Provisioner.DeleteSecurityGroupAsync(requestId, TestContext.Current.CancellationToken);

        var request = await _host.Provisioner.LoadAsync(requestId, TestContext.Current.CancellationToken);
        Assert.Equal(Ec2Group, Assert.Single(_host.Ec2.CallsOf("DeleteSecurityGroup"))["GroupId"]);
        Assert.Empty(_host.Ec2.CallsOf("DescribeInstances"));
        Assert.Equal((ProvisioningState.Terminated, null), (request.State, request.Error));
        Assert.NotNull(request.SecurityGroupDeletedAt);
        Assert.Empty(_host.Ec2.Groups);
    }

    [Fact]
    public async Task DeleteSecurityGroupAsync_InstancesStillAlive_RefusedWithoutACloudCall()
    {
        var requestId = await LaunchedEc2Async();
        var calls = _host.Ec2.Calls.Count;

        var error = await Assert.ThrowsAsync<CloudOperationException>(() => _host.Provisioner.DeleteSecurityGroupAsync(requestId, TestContext.Current.CancellationToken));

        Assert.Contains("Terminate the instances first", error.Message, StringComparison.Ordinal);
        Assert.Equal(calls, _host.Ec2.Calls.Count);
    }

    [Fact]
    public async Task TerminateAsync_OpenStack_DeletesServersReleasesFloatingIpsThenDeletesTheGroupRetrying409()
    {
        var requestId = await LaunchedOpenStackAsync();
        var launched = _host.OpenStack.Calls.Count;
        _host.OpenStack.Fail("DELETE", "/network/v2.0/security-groups/", 409, """{"NeutronError":{"type":"SecurityGroupInUse","message":"Security Group sg-uuid-1 in use.","detail":""}}""");
        _host.OpenStack.Fail("DELETE", "/network/v2.0/security-groups/", 409, """{"NeutronError":{"type":"SecurityGroupInUse","message":"Security Group sg-uuid-1 in use.","detail":""}}""");
        _waits.Clear();

        await _host.Provisioner.TerminateAsync(requestId, "js2-lab", TestContext.Current.CancellationToken);

        var after = _host.OpenStack.Calls.Skip(launched).Where(c => !c.Path.StartsWith("/identity/", StringComparison.Ordinal)).Select(c => $"{c.Method} {c.Path}").ToList();
        // In this order, stage by stage (within a stage, in whatever order the record lists the instances).
        Assert.Equal(12, after.Count);
        Assert.Equal(["DELETE /compute/v2.1/servers/server-1", "DELETE /compute/v2.1/servers/server-2", "DELETE /compute/v2.1/servers/server-3"], after[..3].Order());
        Assert.Equal(["DELETE /network/v2.0/floatingips/fip-1", "DELETE /network/v2.0/floatingips/fip-2", "DELETE /network/v2.0/floatingips/fip-3"], after[3..6].Order());
        Assert.Equal(["GET /compute/v2.1/servers/server-1", "GET /compute/v2.1/servers/server-2", "GET /compute/v2.1/servers/server-3"], after[6..9].Order());
        Assert.Equal([.. Enumerable.Repeat("DELETE /network/v2.0/security-groups/sg-uuid-1", 3)], after[9..]);
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)], _waits);
        Assert.Empty(_host.OpenStack.Servers);
        Assert.Empty(_host.OpenStack.FloatingIps);
        Assert.Empty(_host.OpenStack.Groups);
        var request = await _host.Provisioner.LoadAsync(requestId, TestContext.Current.CancellationToken);
        Assert.Equal((ProvisioningState.Terminated, null), (request.State, request.Error));
        Assert.NotNull(request.SecurityGroupDeletedAt);
        Assert.All(request.Instances, i => Assert.Null(i.FloatingIpId));
        Assert.All(request.Instances, i => Assert.Equal("DELETED", i.State));
        // Where each instance was stays on the record.
        Assert.All(request.Instances, i => Assert.StartsWith("149.165.150.", i.PublicAddress, StringComparison.Ordinal));
    }

    private async Task<CloudTarget> Ec2TargetAsync()
    {
        var credential = await _host.Vault.SaveAsync("lab account", new Ec2Secret("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), TestContext.Current.CancellationToken);
        return new CloudTarget(CloudProvider.Ec2, "us-east-1", credential.Id);
    }

    private async Task<Guid> LaunchedEc2Async()
    {
        var requestId = await _host.Provisioner.CheckAsync(await Ec2TargetAsync(), CloudPlans.Ec2(), null, TestContext.Current.CancellationToken);
        _host.AutoAdvance(delay =>
        {
            _waits.Add(delay);
            _host.Ec2.SetAllStates("running");
        });
        await _host.Provisioner.LaunchAsync(requestId, null, TestContext.Current.CancellationToken);
        _waits.Clear();
        _host.AutoAdvance(_waits.Add);
        return requestId;
    }

    private async Task<Guid> LaunchedOpenStackAsync()
    {
        var requestId = await CloudOpenStack.CheckAsync(_host, withFloatingIps: true);
        _host.AutoAdvance(delay =>
        {
            _waits.Add(delay);
            _host.OpenStack.SetAllStatuses("ACTIVE");
        });
        var request = await _host.Provisioner.LaunchAsync(requestId, null, TestContext.Current.CancellationToken);
        Assert.Equal(ProvisioningState.Running, request.State);
        return requestId;
    }
}
