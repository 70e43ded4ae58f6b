using MesosConsole.Data.Provisioning;
using MesosConsole.Provisioning.Cloud;
using MesosConsole.Provisioning.Cloud.Credentials;
using MesosConsole.Provisioning.Cloud.OpenStack;
using MesosConsole.Provisioning.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MesosConsole.Provisioning.Tests.Cloud;

/// <summary>Keystone sign-in and the OpenStack gateway over HttpClient, against the local OpenStack endpoint.</summary>
public sealed class OpenStackGatewayTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(CloudTestServices.Start);
    private readonly HttpClient _http = new();
    private OpenStackTestEndpoint _cloud = default!;
    private CloudClock _clock = default!;

    public async ValueTask InitializeAsync()
    {
        _cloud = await OpenStackTestEndpoint.StartAsync();
        _clock = new CloudClock(_time);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _cloud.DisposeAsync();
    }

    [Fact]
    public async Task AuthenticateAsync_ApplicationCredential_SendsItUnscopedAndUsesSubjectTokenAndPublicEndpoints()
    {
        var session = await KeystoneClient.AuthenticateAsync(_http, AppCredential(), OpenStackTestEndpoint.Region, TestContext.Current.CancellationToken);

        var auth = _cloud.Calls.Single();
        Assert.Equal(("POST", "/identity/v3/auth/tokens"), (auth.Method, auth.Path));
        Assert.Equal("application_credential", auth.Body!["auth"]!["identity"]!["methods"]![0]!.GetValue<string>());
        Assert.Equal("cred-id-1234", auth.Body["auth"]!["identity"]!["application_credential"]!["id"]!.GetValue<string>());
        Assert.Null(auth.Body["auth"]!["scope"]);
        Assert.Equal(OpenStackTestEndpoint.Token, session.Token);
        Assert.Equal(new Uri(_cloud.Url, "compute/v2.1/"), session.Compute);
        Assert.Equal(new Uri(_cloud.Url, "network/"), session.Network);
    }

    [Fact]
    public async Task AuthenticateAsync_Password_ScopedToTheProject()
    {
        var secret = new OpenStackSecret { AuthUrl = _cloud.AuthUrl + "/", Method = OpenStackAuthMethod.Password, UserName = "alice", Password = "pw", ProjectName = "TG-ABC123", UserDomain = "access", ProjectDomain = "access" };

        await KeystoneClient.AuthenticateAsync(_http, secret, OpenStackTestEndpoint.Region, TestContext.Current.CancellationToken);

        var auth = _cloud.Calls.Single().Body!["auth"]!;
        Assert.Equal("alice", auth["identity"]!["password"]!["user"]!["name"]!.GetValue<string>());
        Assert.Equal("access", auth["identity"]!["password"]!["user"]!["domain"]!["name"]!.GetValue<string>());
        Assert.Equal("TG-ABC123", auth["scope"]!["project"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownRegion_NamesTheRegionsTheCloudHas()
    {
        var error = await Assert.ThrowsAsync<CloudOperationException>(() =>
            KeystoneClient.AuthenticateAsync(_http, AppCredential(), "TACC", TestContext.Current.CancellationToken));

        Assert.Contains("no public endpoint in region 'TACC'", error.Message, StringComparison.Ordinal);
        Assert.Contains(OpenStackTestEndpoint.Region, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_Rejected_ExplainsCredentials()
    {
        _cloud.Fail("POST", "/identity/", 401, """{"error":{"code":401,"message":"The request you have made requires authentication."}}""");

        var error = await Assert.ThrowsAsync<CloudOperationException>(() =>
            KeystoneClient.AuthenticateAsync(_http, AppCredential(), OpenStackTestEndpoint.Region, TestContext.Current.CancellationToken));

        Assert.Equal("401", error.Code);
        Assert.Contains("did not accept these credentials", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_NothingListening_SaysTheCloudDidNotAnswer()
    {
        var gone = await OpenStackTestEndpoint.StartAsync();
        var secret = AppCredential() with { AuthUrl = gone.AuthUrl };
        await gone.DisposeAsync();

        var error = await Assert.ThrowsAsync<CloudOperationException>(() =>
            KeystoneClient.AuthenticateAsync(_http, secret, OpenStackTestEndpoint.Region, TestContext.Current.CancellationToken));

        Assert.Equal("Unreachable", error.Code);
        Assert.Contains($"Could not sign in to Keystone: {gone.Url.GetLeftPart(UriPartial.Authority)} did not answer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSecurityGroupAsync_EveryRuleIngressTcpFromTheGivenCidrOnly()
    {
        var gateway = await GatewayAsync();

        var groupId = await gateway.CreateSecurityGroupAsync(CloudPlans.OpenStack(), (_, _) => Task.CompletedTask, TestContext.Current.CancellationToken);

        Assert.Equal("sg-uuid-1", groupId);
        var rules = _cloud.Calls.Where(c => c.Path == "/network/v2.0/security-group-rules").Select(c => c.Body!["security_group_rule"]!).ToList();
        Assert.Equal(MesosPorts.All.Count, rules.Count);
        Assert.All(rules, r =>
        {
            Assert.Equal("198.51.100.0/24", r["remote_ip_prefix"]!.GetValue<string>());
            Assert.Equal("ingress", r["direction"]!.GetValue<string>());
            Assert.Equal("sg-uuid-1", r["security_group_id"]!.GetValue<string>());
            Assert.Null(r["remote_group_id"]);
        });
        var ports = rules.Select(r => (r["port_range_min"]!.GetValue<int>(), r["port_range_max"]!.GetValue<int>())).ToList();
        Assert.Contains((5050, 5050), ports);
        Assert.Contains((2181, 2181), ports);
        Assert.Contains((31000, 32000), ports);
        Assert.All(_cloud.Calls.Skip(1), c => Assert.Equal(OpenStackTestEndpoint.Token, c.Token));
    }

    [Fact]
    public async Task LaunchAsync_SecondServerOverQuota_FirstReportedBeforeTheFailure()
    {
        var gateway = await GatewayAsync();
        _cloud.Fail("POST", "/compute/v2.1/servers", 403, """{"forbidden":{"code":403,"message":"Quota exceeded for cores: Requested 8, but already used 30 of 32 cores"}}""", skip: 1);
        var created = new List<LaunchedInstance>();

        var error = await Assert.ThrowsAsync<CloudOperationException>(() => gateway.LaunchAsync(
            CloudPlans.OpenStack(), InstanceRole.Agent, "sg-uuid-1", (i, _) => { created.Add(i); return Task.CompletedTask; }, TestContext.Current.CancellationToken));

        Assert.Equal("js2-lab-agent-1", Assert.Single(created).Name);
        Assert.Contains("Quota exceeded", error.Message, StringComparison.Ordinal);
        var server = _cloud.Calls.First(c => c.Path == "/compute/v2.1/servers").Body!["server"]!;
        Assert.Equal("img-ubuntu", server["imageRef"]!.GetValue<string>());
        Assert.Equal("m3.medium", server["flavorRef"]!.GetValue<string>());
        Assert.Equal("lab-key", server["key_name"]!.GetValue<string>());
        Assert.Equal("mesosconsole-js2-lab", server["security_groups"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("net-1", server["networks"]![0]!["uuid"]!.GetValue<string>());
        Assert.Equal("js2-lab", server["metadata"]!["mesosconsole:cluster"]!.GetValue<string>());
        Assert.Equal("agent", server["metadata"]!["mesosconsole:role"]!.GetValue<string>());
        Assert.Equal("airavata", server["metadata"]!["project"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListMachineTypesAsync_TooManyRequests_RetriedAfterBackOff()
    {
        var gateway = await GatewayAsync();
        _cloud.Fail("GET", "/compute/v2.1/flavors/detail", 429, """{"overLimit":{"code":429,"message":"Rate limit"}}""");
        var waiting = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        _clock.DelayStarted += d => waiting.TrySetResult(d);

        var listing = gateway.ListMachineTypesAsync(TestContext.Current.CancellationToken);
        _time.Advance(await waiting.Task.WaitAsync(TestContext.Current.CancellationToken));
        var flavors = await listing;

        Assert.Equal(["m3.small", "m3.medium"], flavors.Select(f => f.Id));
        Assert.Equal(2, _cloud.Calls.Count(c => c.Path == "/compute/v2.1/flavors/detail"));
    }

    [Fact]
    public async Task DescribeAndTerminate_Servers_StatusAddressAndDelete()
    {
        var gateway = await GatewayAsync();
        await gateway.LaunchAsync(CloudPlans.OpenStack(), InstanceRole.Master, "sg", (_, _) => Task.CompletedTask, TestContext.Current.CancellationToken);
        _cloud.SetAllStatuses("ACTIVE");

        var seen = Assert.Single(await gateway.DescribeAsync(["server-1"], TestContext.Current.CancellationToken));
        await gateway.TerminateAsync(["server-1", "server-gone"], TestContext.Current.CancellationToken);

        Assert.True(seen.IsRunning);
        Assert.Equal("10.1.0.1", seen.PrivateAddress);
        Assert.Equal(["/compute/v2.1/servers/server-1", "/compute/v2.1/servers/server-gone"], _cloud.Calls.Where(c => c.Method == "DELETE").Select(c => c.Path));
    }

    private OpenStackSecret AppCredential() => new()
    {
        AuthUrl = _cloud.AuthUrl,
        Method = OpenStackAuthMethod.ApplicationCredential,
        ApplicationCredentialId = "cred-id-1234",
        ApplicationCredentialSecret = "cred-secret",
    };

    private async Task<OpenStackGateway> GatewayAsync()
    {
        var session = await KeystoneClient.AuthenticateAsync(_http, AppCredential(), OpenStackTestEndpoint.Region, TestContext.Current.CancellationToken);
        var options = new CloudOptions { ThrottleAttempts = 3 };
        return new OpenStackGateway(_http, session, new ThrottlingRetry(_clock, options, NullLogger<ThrottlingRetry>.Instance));
    }
}
