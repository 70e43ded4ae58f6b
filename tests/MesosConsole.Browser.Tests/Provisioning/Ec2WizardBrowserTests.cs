using MesosConsole.Browser.Tests.Support;
using MesosConsole.Provisioning.Cloud;
using MesosConsole.Provisioning.Tests.Support;
using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace MesosConsole.Browser.Tests.Provisioning;

/// <summary>
/// The EC2 provisioning wizard end to end in Chromium, against the local EC2 endpoint the real AWS SDK
/// talks to: credentials typed once, the machines and access steps, EC2's dry run, the launch followed
/// until every instance runs, and the typed-name terminate that also deletes the security group. The
/// assertions read both the page and what the endpoint received.
/// </summary>
[Collection(BrowserConsoleCollection.Name)]
public sealed class Ec2WizardBrowserTests(BrowserConsole console)
{
    private const string AccessKeyId = "AKIAE2EBROWSERTEST42";
    private const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYE2ESECRET";
    private const string Cidr = "203.0.113.0/24";

    /// <summary>A launch and a clean-up polled every 200 ms on a shared two-core machine, with room to spare.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions Eventually = new() { Timeout = 60_000 };
    private static readonly LocatorAssertionsToContainTextOptions EventuallyContains = new() { Timeout = 60_000 };
    private static readonly LocatorAssertionsToBeVisibleOptions EventuallyVisible = new() { Timeout = 60_000 };
    private static readonly LocatorAssertionsToHaveCountOptions EventuallyCount = new() { Timeout = 60_000 };

    [Fact]
    public async Task Ec2Wizard_CredentialsToLaunchToTerminate_InstancesRunThenTheClusterIsGoneAndTheSecretNeverShows()
    {
        // A fixed name (the console and its database are this run's own): the README's screenshot stays readable and stable.
        const string cluster = "airavata-lab";
        var keyName = $"{cluster}-key";
        var ec2 = console.Ec2;
        var page = await console.NewPageAsync();
        try
        {
            // Step 1: the access key is typed once, stored encrypted, and from then on only its summary shows.
            await page.GotoAsync("provision/ec2");
            await Fill(page, "new-credential-name", "lab account");
            await Fill(page, "new-access-key-id", AccessKeyId);
            await Fill(page, "new-secret", SecretAccessKey);
            await page.GetByTestId("save-credential").ClickAsync();
            await Expect(page.Locator("[data-testid=credential-choice] option:checked")).ToHaveTextAsync("lab account — AKIA…ST42", Eventually);
            await Expect(Field(page, "new-secret")).ToHaveValueAsync("");
            await Expect(Field(page, "new-access-key-id")).ToHaveValueAsync("");
            await AssertNoCredentialIn(page);
            await Fill(page, "region", "eu-west-1");
            await page.GetByTestId("next").ClickAsync();

            // Step 2: the machines.
            await Expect(Field(page, "cluster-name")).ToBeVisibleAsync(EventuallyVisible);
            await Fill(page, "cluster-name", cluster);
            await Fill(page, "image", "ami-0abcdef1234567890");
            await Fill(page, "master-type", "t3.medium");
            await Fill(page, "agent-type", "m5.large");
            await Fill(page, "master-count", "1");
            await Fill(page, "agent-count", "2");
            await page.GetByTestId("next").ClickAsync();

            // Step 3: a new key pair (picked for the plan at once), the one network allowed in, tags.
            await Expect(page.GetByTestId("key-pair")).ToContainTextAsync("lab-key (1f:51:ae)", EventuallyContains);
            await Fill(page, "new-key-name", keyName);
            await page.GetByTestId("create-key").ClickAsync();
            await Expect(Field(page, "private-key")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("BEGIN RSA PRIVATE KEY"), new() { Timeout = 60_000 });
            await Expect(page.GetByTestId("key-pair")).ToHaveValueAsync(keyName);
            await Fill(page, "cidr", Cidr);
            await Fill(page, "tags", "project=airavata\nowner=teaching-lab");
            await page.GetByTestId("next").ClickAsync();

            // Step 4: EC2's dry run first; only then can it launch.
            await Expect(page.GetByTestId("summary")).ToContainTextAsync($"1 × t3.medium masters and 2 × m5.large agents from ami-0abcdef1234567890 in eu-west-1, key pair {keyName}, open to {Cidr}, cluster {cluster}.", EventuallyContains);
            await Expect(page.GetByTestId("launch")).ToBeDisabledAsync();
            await page.GetByTestId("dry-run").ClickAsync();
            await Expect(page.GetByTestId("check-ok")).ToBeVisibleAsync(EventuallyVisible);
            Assert.Empty(ec2.Instances);
            await page.GetByTestId("launch").ClickAsync();

            // The launch is followed live: pending as EC2 first reports them, running once EC2 says so.
            var progressRows = page.Locator("[data-testid=progress-instances] tr");
            await Expect(progressRows).ToHaveCountAsync(3, EventuallyCount);
            await Expect(progressRows.Filter(new() { HasText = "pending" })).ToHaveCountAsync(3, EventuallyCount);
            Assert.Equal(3, ec2.Instances.Count);
            ec2.SetAllStates("running");
            await Expect(page.GetByTestId("launch-ok")).ToBeVisibleAsync(EventuallyVisible);
            await Expect(progressRows.Filter(new() { HasText = "running" })).ToHaveCountAsync(3, EventuallyCount);

            // The request with its instances (public addresses from EC2) and its security group.
            var request = page.GetByTestId("request").Filter(new() { HasText = cluster });
            await Expect(request.GetByTestId("request-state")).ToHaveTextAsync("Running", Eventually);
            await Expect(request.GetByTestId("instance")).ToHaveCountAsync(3, EventuallyCount);
            await Expect(request.GetByTestId("instance-state").Filter(new() { HasText = "running" })).ToHaveCountAsync(3, EventuallyCount);
            await Expect(request.GetByTestId("instance-public").First).ToContainTextAsync("198.51.100.", EventuallyContains);
            await Expect(request.GetByTestId("request-group")).ToContainTextAsync("sg-0123456789abcdef0", EventuallyContains);
            await Expect(request.GetByTestId("request-group-state")).ToHaveTextAsync("exists", Eventually);
            await AssertNoCredentialIn(page);
            await Screenshots.SaveAsync(page, "provision-ec2.png");

            // Terminate only with the cluster's name typed.
            await request.GetByTestId("terminate").ClickAsync();
            await Fill(page, "confirm-name", cluster[..^1]);
            await Expect(request.GetByTestId("confirm-terminate")).ToBeDisabledAsync();
            Assert.Empty(ec2.CallsOf("TerminateInstances"));
            await Fill(page, "confirm-name", cluster);
            await Expect(request.GetByTestId("confirm-terminate")).ToBeEnabledAsync();
            await request.GetByTestId("confirm-terminate").ClickAsync();

            await Expect(request.GetByTestId("request-state")).ToHaveTextAsync("Terminated", Eventually);
            await Expect(request.GetByTestId("instance-state").Filter(new() { HasText = "terminated" })).ToHaveCountAsync(3, EventuallyCount);
            await Expect(request.GetByTestId("request-group-state")).ToContainTextAsync("deleted", EventuallyContains);
            await Expect(request.GetByTestId("terminate")).ToHaveCountAsync(0);

            AssertWhatEc2Received(ec2, cluster, keyName);

            // A new visit lists the stored credential by its summary only.
            await page.GotoAsync("provision/ec2");
            await Expect(page.Locator("[data-testid=credential-choice] option").Filter(new() { HasText = "lab account" })).ToHaveTextAsync("lab account — AKIA…ST42", Eventually);
            await AssertNoCredentialIn(page);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// The calls in the order EC2 got them: every creating call dry-run first, signed with the typed
    /// access key; the group opened only to the CIDR; the tags on the instances; the group deleted last.
    /// </summary>
    private static void AssertWhatEc2Received(Ec2TestEndpoint ec2, string cluster, string keyName)
    {
        var calls = ec2.Calls;
        Assert.All(calls, c => Assert.Contains($"Credential={AccessKeyId}/", c.Authorization, StringComparison.Ordinal));
        Assert.All(calls, c => Assert.Contains("/eu-west-1/ec2/aws4_request", c.Authorization, StringComparison.Ordinal));
        Assert.Equal(keyName, Assert.Single(ec2.CallsOf("CreateKeyPair"))["KeyName"]);

        int First(Func<Ec2Call, bool> match) => calls.ToList().FindIndex(c => match(c));
        int Last(Func<Ec2Call, bool> match) => calls.ToList().FindLastIndex(c => match(c));
        var creating = new[] { "CreateSecurityGroup", "AuthorizeSecurityGroupIngress", "RunInstances" };
        var dryRuns = calls.Where(c => c.IsDryRun).Select(c => c.Action).ToList();
        Assert.Equal(["CreateSecurityGroup", "RunInstances", "RunInstances"], dryRuns);
        Assert.True(Last(c => c.IsDryRun) < First(c => creating.Contains(c.Action) && !c.IsDryRun), "Something was created before EC2's dry run.");

        var runs = ec2.CallsOf("RunInstances").Where(c => !c.IsDryRun).ToList();
        Assert.Equal(["1", "2"], runs.Select(r => r["MinCount"]));
        Assert.All(runs, run =>
        {
            var tags = TagsOf(run);
            Assert.Equal("airavata", tags["project"]);
            Assert.Equal("teaching-lab", tags["owner"]);
            Assert.Equal(cluster, tags[LaunchPlan.ClusterTag]);
            Assert.Equal(keyName, run["KeyName"]);
            Assert.Equal("sg-0123456789abcdef0", run["SecurityGroupId.1"]);
        });
        Assert.Equal(["master", "agent"], runs.Select(r => TagsOf(r)[LaunchPlan.RoleTag]));

        // Every port range open to the CIDR and to nothing else: no other range, no IPv6, no other group.
        var ingress = Assert.Single(ec2.CallsOf("AuthorizeSecurityGroupIngress"));
        var sources = ingress.Form.Where(f => f.Key.Contains("Ranges", StringComparison.Ordinal) || f.Key.Contains("Groups", StringComparison.Ordinal) || f.Key.Contains("PrefixList", StringComparison.Ordinal))
            .Where(f => !f.Key.EndsWith(".Description", StringComparison.Ordinal)).ToList();
        Assert.Equal(MesosPorts.All.Count, sources.Count);
        Assert.All(sources, s =>
        {
            Assert.Matches(@"^IpPermissions\.\d+\.IpRanges\.1\.CidrIp$", s.Key);
            Assert.Equal(Cidr, s.Value);
        });

        var terminated = Assert.Single(ec2.CallsOf("TerminateInstances"));
        Assert.Equal(ec2.Instances.Keys.Order(StringComparer.Ordinal), terminated.Form.Where(f => f.Key.StartsWith("InstanceId.", StringComparison.Ordinal)).Select(f => f.Value).Order(StringComparer.Ordinal));
        Assert.All(ec2.Instances.Values, i => Assert.Equal("terminated", i.State));
        Assert.Equal("DeleteSecurityGroup", calls[^1].Action);
        Assert.Equal("sg-0123456789abcdef0", calls[^1]["GroupId"]);
        Assert.True(First(c => c.Action == "DeleteSecurityGroup") > First(c => c.Action == "TerminateInstances"));
        Assert.Empty(ec2.Groups);
    }

    private static Dictionary<string, string> TagsOf(Ec2Call run) =>
        Enumerable.Range(1, 50).Where(n => run[$"TagSpecification.1.Tag.{n}.Key"] is not null)
            .ToDictionary(n => run[$"TagSpecification.1.Tag.{n}.Key"]!, n => run[$"TagSpecification.1.Tag.{n}.Value"] ?? "");

    /// <summary>Neither the secret nor the whole access key id is anywhere in the page, field values included.</summary>
    private static async Task AssertNoCredentialIn(IPage page)
    {
        var html = await page.ContentAsync();
        var values = await page.Locator("input, textarea").EvaluateAllAsync<string[]>("fields => fields.map(f => f.value)");
        Assert.DoesNotContain(SecretAccessKey, html, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessKeyId, html, StringComparison.Ordinal);
        Assert.DoesNotContain(values, v => v.Contains(SecretAccessKey, StringComparison.Ordinal) || v.Contains(AccessKeyId, StringComparison.Ordinal));
    }

    /// <summary>A MudTextField or MudNumericField: the test id lands on the input (or textarea for several lines).</summary>
    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea").First;

    private static Task Fill(IPage page, string testId, string value) => Field(page, testId).FillAsync(value);
}
