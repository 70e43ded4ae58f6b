using MesosConsole.Data.Provisioning;
using MesosConsole.Provisioning.Cloud;
using MesosConsole.Provisioning.Cloud.OpenStack;
using MesosConsole.Provisioning.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MesosConsole.Provisioning.Tests.Cloud;

/// <summary>
/// OpenStack floating IPs (how Jetstream2 instances are reached from outside): chosen in the check,
/// attached once each server is ACTIVE, recorded as the instance's public address, and quota refusals
/// explained; all over real HTTP against the local OpenStack.
/// </summary>
public sealed class FloatingAddressTests : IAsyncLifetime
{
    private const string FloatingQuota = """{"NeutronError":{"type":"OverQuota","message":"Quota exceeded for resources: ['floatingip'].","detail":""}}""";
    private CloudTestHost _host = default!;

    public async ValueTask InitializeAsync() => _host = await CloudTestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task LaunchAsync_ExternalNetworkChosen_EachActiveServersPortGetsAFloatingIpRecordedAsItsPublicAddress()
    {
        var requestId = await CloudOpenStack.CheckAsync(_host, withFloatingIps: true);
        Assert.Single(_host.OpenStack.CallsTo("GET", $"/network/v2.0/networks/{OpenStackTestEndpoint.ExternalNetworkId}"));
        _host.AutoAdvance(_ => _host.OpenStack.SetAllStatuses("ACTIVE"));

        var request = await _host.Provisioner.LaunchAsync(requestId, null, TestContext.Current.CancellationToken);

        Assert.Equal(ProvisioningState.Running, request.State);
        Assert.Equal(["/network/v2.0/ports?device_id=server-1", "/network/v2.0/ports?device_id=server-2", "/network/v2.0/ports?device_id=server-3"],
            _host.OpenStack.CallsTo("GET", "/network/v2.0/ports").Select(c => c.Path).Order());
        var created = _host.OpenStack.CallsTo("POST", "/network/v2.0/floatingips").Select(c => c.Body!["floatingip"]!).ToList();
        Assert.Equal(3, created.Count);
        Assert.All(created, f => Assert.Equal(OpenStackTestEndpoint.ExternalNetworkId, f["floating_network_id"]!.GetValue<string>()));
        Assert.Equal(["port-server-1", "port-server-2", "port-server-3"], created.Select(f => f["port_id"]!.GetValue<string>()).Order());
        foreach (var instance in request.Instances)
        {
            var floating = _host.OpenStack.FloatingIps[instance.FloatingIpId!];
            Assert.Equal(instance.CloudInstanceId, floating.ServerId);
            Assert.Equal(floating.Address, instance.PublicAddress);
            Assert.StartsWith("10.1.0.", instance.PrivateAddress, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task LaunchAsync_NoExternalNetwork_PrivateAddressesOnlyAndNoNeutronAddressCalls()
    {
        var requestId = await CloudOpenStack.CheckAsync(_host, withFloatingIps: false);
        _host.AutoAdvance(_ => _host.OpenStack.SetAllStatuses("ACTIVE"));

        var request = await _host.Provisioner.LaunchAsync(requestId, null, TestContext.Current.CancellationToken);

        Assert.Equal(ProvisioningState.Running, request.State);
        Assert.Empty(_host.OpenStack.CallsTo("GET", "/network/v2.0/ports"));
        Assert.Empty(_host.OpenStack.CallsTo("POST", "/network/v2.0/floatingips"));
        Assert.All(request.Instances, i => Assert.Null(i.PublicAddress));
        Assert.All(request.Instances, i => Assert.Null(i.FloatingIpId));
    }

    [Fact]
    public async Task LaunchAsync_FloatingIpQuotaUsedUp_PlainExplanationAndEveryServerStaysRecorded()
    {
        var requestId = await CloudOpenStack.CheckAsync(_host, withFloatingIps: true);
        _host.OpenStack.Fail("POST", "/network/v2.0/floatingips", 409, FloatingQuota, skip: 1);
        _host.AutoAdvance(_ => _host.OpenStack.SetAllStatuses("ACTIVE"));

        var request = await _host.Provisioner.LaunchAsync(requestId, null, TestContext.Current.CancellationToken);

        Assert.Equal(ProvisioningState.Failed, request.State);
        Assert.Equal(3, request.Instances.Count);
        var first = Assert.Single(request.Instances, i => i.FloatingIpId is not null);
        Assert.Equal(_host.OpenStack.FloatingIps[first.FloatingIpId!].Address, first.PublicAddress);
        Assert.Matches(
            "^js2-lab-[a-z]+-[0-9] is running but got no floating IP, so it cannot be reached from outside: Your OpenStack project's quota would be exceeded, so the console could not give the server a floating IP\\. "
            + "Release floating IPs you no longer use \\(openstack floating ip list\\), or ask your cloud's support for a larger floating-IP quota\\. \\(Quota exceeded for resources: \\['floatingip'\\]\\.\\) "
            + "3 instance\\(s\\) were created and may be running: terminate them below \\(that also deletes the security group\\)\\.$",
            request.Error);
    }

    [Theory]
    [InlineData(409)]
    [InlineData(403)]
    public async Task AttachFloatingAddressAsync_QuotaRefusal_ExplainedAndNotRetried(int status)
    {
        var gateway = await GatewayAsync();
        var server = await ServerAsync(gateway);
        _host.OpenStack.Fail("POST", "/network/v2.0/floatingips", status, FloatingQuota);

        var error = await Assert.ThrowsAsync<CloudOperationException>(() => gateway.AttachFloatingAddressAsync(server, OpenStackTestEndpoint.ExternalNetworkId, TestContext.Current.CancellationToken));

        Assert.Equal(OpenStackErrors.OverQuota, error.Code);
        Assert.StartsWith("Your OpenStack project's quota would be exceeded, so the console could not give the server a floating IP.", error.Message, StringComparison.Ordinal);
        Assert.Single(_host.OpenStack.CallsTo("POST", "/network/v2.0/floatingips"));
    }

    [Fact]
    public async Task AttachFloatingAddressAsync_ExternalNetworkExhausted_SaysToPickAnother()
    {
        var gateway = await GatewayAsync();
        var server = await ServerAsync(gateway);
        _host.OpenStack.Fail("POST", "/network/v2.0/floatingips", 409, """{"NeutronError":{"type":"IpAddressGenerationFailure","message":"No more IP addresses available on network ext-public.","detail":""}}""");

        var error = await Assert.ThrowsAsync<CloudOperationException>(() => gateway.AttachFloatingAddressAsync(server, OpenStackTestEndpoint.ExternalNetworkId, TestContext.Current.CancellationToken));

        Assert.Equal("NoFreeAddress", error.Code);
        Assert.StartsWith("The external network ext-public has no free public addresses left. Pick another external network", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListExternalNetworksAsync_AsksNeutronForRouterExternalOnly()
    {
        var gateway = await GatewayAsync();

        var networks = await gateway.ListExternalNetworksAsync(TestContext.Current.CancellationToken);

        Assert.Equal([new CloudChoice(OpenStackTestEndpoint.ExternalNetworkId, "public")], networks);
        Assert.Equal("/network/v2.0/networks?router:external=true", Assert.Single(_host.OpenStack.CallsTo("GET", "/network/v2.0/networks")).Path);
    }

    [Fact]
    public async Task CheckAsync_NetworkThatIsNotExternal_RefusedBeforeAnythingIsCreated()
    {
        var plan = CloudPlans.OpenStack();
        plan.ExternalNetworkId = "net-1";
        var target = await CloudOpenStack.TargetAsync(_host);

        var error = await Assert.ThrowsAsync<CloudOperationException>(() => _host.Provisioner.CheckAsync(target, plan, null, TestContext.Current.CancellationToken));

        Assert.Equal("NotExternal", error.Code);
        Assert.Contains("Network net-1 is not an external network", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.OpenStack.Calls, c => c.Method == "POST" && !c.Path.StartsWith("/identity/", StringComparison.Ordinal));
    }

    /// <summary>One server, so Neutron has a port to put a floating IP on.</summary>
    private static async Task<string> ServerAsync(ICloudGateway gateway)
    {
        var plan = CloudPlans.OpenStack();
        plan.MasterCount = 1;
        var launched = new List<LaunchedInstance>();
        await gateway.LaunchAsync(plan, InstanceRole.Master, "sg-uuid-1", (i, _) => { launched.Add(i); return Task.CompletedTask; }, TestContext.Current.CancellationToken);
        return launched.Single().Id;
    }

    private async Task<ICloudGateway> GatewayAsync() =>
        await _host.Services.GetRequiredService<ICloudGatewayFactory>().CreateAsync(await CloudOpenStack.TargetAsync(_host), TestContext.Current.CancellationToken);
}
