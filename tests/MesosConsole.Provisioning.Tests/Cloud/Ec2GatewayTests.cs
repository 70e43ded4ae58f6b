using Amazon.EC2;
using Amazon.Runtime;
using MesosConsole.Data.Provisioning;
using MesosConsole.Provisioning.Cloud;
using MesosConsole.Provisioning.Cloud.Ec2;
using MesosConsole.Provisioning.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MesosConsole.Provisioning.Tests.Cloud;

/// <summary>The EC2 gateway through the real AWS SDK client, against the local EC2 endpoint.</summary>
public sealed class Ec2GatewayTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(CloudTestServices.Start);
    private readonly CloudOptions _options = new() { ThrottleAttempts = 3, ThrottleBaseDelay = TimeSpan.FromSeconds(1), Ec2SdkMaxErrorRetry = 0 };
    private Ec2TestEndpoint _ec2 = default!;
    private CloudClock _clock = default!;
    private Ec2Gateway _gateway = default!;

    public async ValueTask InitializeAsync()
    {
        _ec2 = await Ec2TestEndpoint.StartAsync();
        _clock = new CloudClock(_time);
        _options.Ec2ServiceUrl = _ec2.Url.ToString();
        var client = new AmazonEC2Client(new BasicAWSCredentials("AKIATESTKEY0000WXYZ", "test-secret"), CloudGatewayFactory.Ec2Config("us-east-1", _options));
        _gateway = new Ec2Gateway(client, new ThrottlingRetry(_clock, _options, NullLogger<ThrottlingRetry>.Instance));
    }

    public async ValueTask DisposeAsync()
    {
        _gateway.Dispose();
        await _ec2.DisposeAsync();
    }

    [Fact]
    public async Task CheckAsync_ValidPlan_SendsOnlyDryRunsOfEveryCreatingCall()
    {
        await _gateway.CheckAsync(CloudPlans.Ec2(), TestContext.Current.CancellationToken);

        Assert.Equal(["CreateSecurityGroup", "RunInstances", "RunInstances"], _ec2.Calls.Select(c => c.Action));
        Assert.All(_ec2.Calls, c => Assert.True(c.IsDryRun, $"{c.Action} was sent without DryRun"));
        var masters = _ec2.Calls[1];
        Assert.Equal("ami-0abcdef1234567890", masters["ImageId"]);
        Assert.Equal("t3.medium", masters["InstanceType"]);
        Assert.Equal("3", masters["MinCount"]);
        Assert.Equal("m5.large", _ec2.Calls[2]["InstanceType"]);
    }

    [Fact]
    public async Task CreateSecurityGroupAsync_MesosPorts_OpenedOnlyToTheGivenCidr()
    {
        var recorded = new List<string>();

        var groupId = await _gateway.CreateSecurityGroupAsync(CloudPlans.Ec2(), (id, _) => { recorded.Add(id); return Task.CompletedTask; }, TestContext.Current.CancellationToken);

        Assert.Equal("sg-0123456789abcdef0", groupId);
        Assert.Equal([groupId], recorded);
        Assert.Equal("mesosconsole-teaching-lab", _ec2.CallsOf("CreateSecurityGroup").Single()["GroupName"]);
        var ingress = _ec2.CallsOf("AuthorizeSecurityGroupIngress").Single();
        Assert.Equal("sg-0123456789abcdef0", ingress["GroupId"]);
        var sources = ingress.Form.Where(f => f.Key.Contains("IpRanges", StringComparison.Ordinal) && f.Key.EndsWith("CidrIp", StringComparison.Ordinal)).ToList();
        var rules = ingress.Form.Keys.Where(k => k.EndsWith(".IpProtocol", StringComparison.Ordinal)).Count();
        Assert.Equal(rules, sources.Count);
        Assert.All(sources, s => Assert.Equal("203.0.113.0/24", s.Value));
        Assert.DoesNotContain(ingress.Form.Keys, k => k.Contains("Ipv6Ranges", StringComparison.Ordinal) || k.Contains("Groups", StringComparison.Ordinal) || k.Contains("PrefixListIds", StringComparison.Ordinal));
        var ports = Enumerable.Range(1, rules).Select(n => (ingress[$"IpPermissions.{n}.FromPort"], ingress[$"IpPermissions.{n}.ToPort"])).ToHashSet();
        foreach (var port in new[] { "5050", "5051", "2181", "2888", "3888", "8080", "4400", "8081" })
        {
            Assert.Contains((port, port), ports);
        }

        Assert.Contains(("31000", "32000"), ports);
    }

    [Fact]
    public async Task LaunchAsync_Masters_TaggedWithNameClusterRoleAndUserTags()
    {
        var launched = new List<LaunchedInstance>();

        await _gateway.LaunchAsync(CloudPlans.Ec2(), InstanceRole.Master, "sg-1", (i, _) => { launched.Add(i); return Task.CompletedTask; }, TestContext.Current.CancellationToken);

        var run = _ec2.CallsOf("RunInstances").Single();
        Assert.False(run.IsDryRun);
        Assert.Equal("sg-1", run["SecurityGroupId.1"]);
        Assert.Equal(("3", "3"), (run["MinCount"], run["MaxCount"]));
        Assert.Equal("lab-key", run["KeyName"]);
        Assert.Equal("instance", run["TagSpecification.1.ResourceType"]);
        var tags = Enumerable.Range(1, 10).Where(n => run[$"TagSpecification.1.Tag.{n}.Key"] is not null)
            .ToDictionary(n => run[$"TagSpecification.1.Tag.{n}.Key"]!, n => run[$"TagSpecification.1.Tag.{n}.Value"]);
        Assert.Equal("teaching-lab-master", tags["Name"]);
        Assert.Equal("teaching-lab", tags["mesosconsole:cluster"]);
        Assert.Equal("master", tags["mesosconsole:role"]);
        Assert.Equal("airavata", tags["project"]);
        Assert.Equal(["teaching-lab-master-1", "teaching-lab-master-2", "teaching-lab-master-3"], launched.Select(i => i.Name));
        Assert.All(launched, i => Assert.StartsWith("i-", i.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckAsync_UnauthorizedOperation_ExplainsTheMissingPermission()
    {
        _ec2.Fail("RunInstances", "UnauthorizedOperation", "You are not authorized to perform this operation.", dryRunToo: true);

        var error = await Assert.ThrowsAsync<CloudOperationException>(() => _gateway.CheckAsync(CloudPlans.Ec2(), TestContext.Current.CancellationToken));

        Assert.Equal("UnauthorizedOperation", error.Code);
        Assert.Contains("not allowed to launch the master instances", error.Message, StringComparison.Ordinal);
        Assert.Contains("IAM permission", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_ec2.Calls, c => !c.IsDryRun);
    }

    [Fact]
    public async Task LaunchAsync_InsufficientInstanceCapacity_ExplainsAndSuggestsAnotherTypeOrRegion()
    {
        _ec2.Fail("RunInstances", "InsufficientInstanceCapacity", "We currently do not have sufficient m5.large capacity in the Availability Zone you requested (us-east-1a).", status: 500);

        var error = await Assert.ThrowsAsync<CloudOperationException>(() =>
            _gateway.LaunchAsync(CloudPlans.Ec2(), InstanceRole.Agent, "sg-1", (_, _) => Task.CompletedTask, TestContext.Current.CancellationToken));

        Assert.Equal("InsufficientInstanceCapacity", error.Code);
        Assert.Contains("no spare capacity", error.Message, StringComparison.Ordinal);
        Assert.Contains("another instance type or region", error.Message, StringComparison.Ordinal);
        Assert.Single(_ec2.CallsOf("RunInstances"));
    }

    [Fact]
    public async Task ListKeyPairsAsync_RequestLimitExceeded_RetriedAfterBackOffThenSucceeds()
    {
        _ec2.Fail("DescribeKeyPairs", "RequestLimitExceeded", "Request limit exceeded.", status: 503);
        var waiting = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        _clock.DelayStarted += delay => waiting.TrySetResult(delay);

        var listing = _gateway.ListKeyPairsAsync(TestContext.Current.CancellationToken);
        var delay = await waiting.Task.WaitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(TimeSpan.FromSeconds(1), delay);
        Assert.Single(_ec2.CallsOf("DescribeKeyPairs"));
        Assert.False(listing.IsCompleted);
        _time.Advance(delay);
        var keys = await listing;
        Assert.Equal("lab-key", Assert.Single(keys).Name);
        Assert.Equal(2, _ec2.CallsOf("DescribeKeyPairs").Count);
    }

    [Fact]
    public async Task ListKeyPairsAsync_ThrottledOnEveryAttempt_GivesUpWithAPlainMessage()
    {
        for (var i = 0; i < 3; i++)
        {
            _ec2.Fail("DescribeKeyPairs", "RequestLimitExceeded", "Request limit exceeded.", status: 503);
        }

        _clock.DelayStarted += delay => _time.Advance(delay);

        var error = await Assert.ThrowsAsync<CloudOperationException>(() => _gateway.ListKeyPairsAsync(TestContext.Current.CancellationToken));

        Assert.Equal("RequestLimitExceeded", error.Code);
        Assert.Contains("throttling", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _ec2.CallsOf("DescribeKeyPairs").Count);
    }

    [Fact]
    public async Task ImportKeyPairAsync_PublicKey_SentBase64Encoded()
    {
        await _gateway.ImportKeyPairAsync("mine", "ssh-ed25519 AAAAC3Nza me@laptop\n", TestContext.Current.CancellationToken);

        var call = _ec2.CallsOf("ImportKeyPair").Single();
        Assert.Equal("mine", call["KeyName"]);
        Assert.Equal("ssh-ed25519 AAAAC3Nza me@laptop", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(call["PublicKeyMaterial"]!)));
    }
}
