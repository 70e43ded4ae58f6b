using Bunit;
using MesosConsole.Data.Provisioning;
using MesosConsole.Provisioning.Cloud;
using MesosConsole.Provisioning.Tests.Support;
using MesosConsole.Web.Components.Pages.Provisioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TestContext = Xunit.TestContext;

namespace MesosConsole.Provisioning.Tests.Cloud;

/// <summary>
/// The request list's clean-up on a fake cloud with the real provisioner and SQLite: the security group
/// shown and deleted, Delete security group offered where a group is all that is left, Find instances
/// and the floating-IP network choice in the OpenStack wizard.
/// </summary>
public sealed class CloudCleanupPageTests : CloudComponentTest
{
    [Fact]
    public async Task RequestList_ALaunchGoingOnElsewhere_IsFollowedUntilItSettles()
    {
        // A launch this page did not start (another tab, or before the page was opened): only its records show it.
        var requestId = Guid.NewGuid();
        await using (var db = await Database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            db.ProvisioningRequests.Add(new ProvisioningRequest
            {
                Id = requestId, Provider = CloudProvider.Ec2, ClusterName = "elsewhere", Region = "us-east-1",
                CreatedAt = Time.GetUtcNow(), State = ProvisioningState.Launching,
                Instances = [new ProvisionedInstance { Id = Guid.NewGuid(), CloudInstanceId = "i-0elsewhere", Name = "elsewhere-master-1", State = "pending", LaunchedAt = Time.GetUtcNow() }],
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var page = Render<Ec2WizardPage>();
        page.WaitForAssertion(() => Assert.Equal("Launching", page.Find("[data-testid=request-state]").TextContent.Trim()));

        await using (var db = await Database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            await db.ProvisionedInstances.Where(i => i.RequestId == requestId)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.State, "running"), TestContext.Current.CancellationToken);
            await db.ProvisioningRequests.Where(r => r.Id == requestId)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.State, ProvisioningState.Running), TestContext.Current.CancellationToken);
        }

        Time.Advance(Services.GetRequiredService<CloudOptions>().PollInterval);

        page.WaitForAssertion(() => Assert.Equal("Running", page.Find("[data-testid=request-state]").TextContent.Trim()));
        Assert.Equal("running", page.Find("[data-testid=instance-state]").TextContent.Trim());
    }

    [Fact]
    public async Task FailedLaunchWithOnlyAGroup_OffersDeleteSecurityGroup_ThenShowsItDeleted()
    {
        Cloud.LaunchFailure = new CloudOperationException("AWS rejected a setting: Invalid value 'm5.large' for InstanceType.", "InvalidParameterValue");
        var requestId = await FailedEc2RequestAsync();
        var page = Render<Ec2WizardPage>();
        page.WaitForAssertion(() => Assert.Equal("Failed", page.Find("[data-testid=request-state]").TextContent.Trim()));
        Assert.Contains("The security group sg-fake was created: delete it below.", page.Find("[data-testid=request-error]").TextContent, StringComparison.Ordinal);
        Assert.Contains("sg-fake", page.Find("[data-testid=request-group]").TextContent, StringComparison.Ordinal);
        Assert.Equal("exists", page.Find("[data-testid=request-group-state]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=terminate]"));

        page.Find("[data-testid=delete-group]").Click();

        page.WaitForAssertion(() => Assert.StartsWith("deleted", page.Find("[data-testid=request-group-state]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Empty(Cloud.Groups);
        Assert.Contains("DeleteSecurityGroup sg-fake", Cloud.Calls);
        Assert.Equal("Terminated", page.Find("[data-testid=request-state]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=delete-group]"));
        Assert.Empty(page.FindAll("[data-testid=request-error]"));
        Assert.NotNull((await Provisioner.LoadAsync(requestId, TestContext.Current.CancellationToken)).SecurityGroupDeletedAt);
    }

    [Fact]
    public async Task Terminate_RunningCluster_InstancesTerminatedThenTheGroupShownDeleted()
    {
        var requestId = await Provisioner.CheckAsync(new CloudTarget(CloudProvider.Ec2, "us-east-1", null), CloudPlans.Ec2(), null, TestContext.Current.CancellationToken);
        await Provisioner.LaunchAsync(requestId, null, TestContext.Current.CancellationToken);
        var page = Render<Ec2WizardPage>();
        page.WaitForAssertion(() => Assert.Equal("exists", page.Find("[data-testid=request-group-state]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=delete-group]"));

        page.Find("[data-testid=terminate]").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("input[data-testid=confirm-name]")));
        page.Find("input[data-testid=confirm-name]").Input("teaching-lab");
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=confirm-terminate]").HasAttribute("disabled")));
        page.Find("[data-testid=confirm-terminate]").Click();

        page.WaitForAssertion(() => Assert.StartsWith("deleted", page.Find("[data-testid=request-group-state]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Equal(5, Cloud.Terminated.Count);
        Assert.All(page.FindAll("[data-testid=instance-state]"), cell => Assert.Equal("terminated", cell.TextContent.Trim()));
        Assert.Equal(["DeleteSecurityGroup sg-fake"], Cloud.Calls.Where(c => c.StartsWith("DeleteSecurityGroup", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Terminate_GroupStillInUse_PlainErrorAndDeleteSecurityGroupOfferedAgain()
    {
        Services.GetRequiredService<CloudClock>().DelayStarted += delay => Time.Advance(delay);
        var requestId = await Provisioner.CheckAsync(new CloudTarget(CloudProvider.Ec2, "us-east-1", null), CloudPlans.Ec2(), null, TestContext.Current.CancellationToken);
        await Provisioner.LaunchAsync(requestId, null, TestContext.Current.CancellationToken);
        Cloud.GroupInUseAnswers = 5;
        await Provisioner.TerminateAsync(requestId, "teaching-lab", TestContext.Current.CancellationToken);
        var page = Render<Ec2WizardPage>();

        page.WaitForAssertion(() => Assert.Contains("could not be deleted: the cloud still reported it in use after 5 attempts", page.Find("[data-testid=request-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal("exists", page.Find("[data-testid=request-group-state]").TextContent.Trim());
        page.Find("[data-testid=delete-group]").Click();

        page.WaitForAssertion(() => Assert.StartsWith("deleted", page.Find("[data-testid=request-group-state]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=request-error]"));
        Assert.Equal(6, Cloud.Calls.Count(c => c.StartsWith("DeleteSecurityGroup", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task FailedRequest_FindInstances_ListsTheInstanceTheConsoleHadNotRecordedAndOffersTerminate()
    {
        Cloud.LaunchFailure = new CloudOperationException("EC2 did not answer.", "Unreachable");
        await FailedEc2RequestAsync();
        Cloud.InCloudOnly.Add(new FoundInstance(new CloudInstance("i-0lost", "running", "198.51.100.20", "10.0.0.20"), "teaching-lab-agent", InstanceRole.Agent, null));
        var page = Render<Ec2WizardPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=find-instances]")));
        Assert.Empty(page.FindAll("[data-testid=instance]"));

        page.Find("[data-testid=find-instances]").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=instance]")));
        Assert.Contains("Found 1 instance(s) the console had not recorded (i-0lost)", page.Find("[data-testid=request-notice]").TextContent, StringComparison.Ordinal);
        Assert.Contains("teaching-lab-agent-1", page.Find("[data-testid=instance]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=terminate]"));
        Assert.Empty(page.FindAll("[data-testid=delete-group]"));
        Assert.Contains("FindLaunched teaching-lab sg-fake", Cloud.Calls);
    }

    [Fact]
    public async Task OpenStackWizard_ExternalNetworkChosen_EveryInstanceGetsAFloatingIpShownAsItsPublicAddress()
    {
        var page = Render<OpenStackWizardPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("input[data-testid=region]")));
        page.Find("input[data-testid=region]").Change("IU");
        page.Find("[data-testid=next]").Click();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=external-network] option").Count));
        Assert.Equal(
            ["None: private addresses only (reachable only from inside the project)", "public"],
            page.FindAll("[data-testid=external-network] option").Select(o => o.TextContent.Trim()));
        page.Find("input[data-testid=cluster-name]").Change("js2-lab");
        page.Find("[data-testid=image]").Change("img-ubuntu");
        page.Find("[data-testid=master-type]").Change("m3.small");
        page.Find("[data-testid=agent-type]").Change("m3.medium");
        page.Find("[data-testid=external-network]").Change("ext-public");
        page.Find("[data-testid=next]").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=key-pair]")));
        page.Find("[data-testid=key-pair]").Change("lab-key");
        page.Find("input[data-testid=cidr]").Change("198.51.100.0/24");
        page.Find("[data-testid=next]").Click();
        page.WaitForAssertion(() => Assert.Equal("Each instance gets a floating IP from public.", page.Find("[data-testid=summary-floating]").TextContent.Trim()));
        page.Find("[data-testid=dry-run]").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=check-ok]")));

        page.Find("[data-testid=launch]").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=deploy-link]")));
        var request = Assert.Single(await Provisioner.ListAsync(CloudProvider.OpenStack, TestContext.Current.CancellationToken));
        Assert.Equal("ext-public", LaunchPlan.Of(request).ExternalNetworkId);
        Assert.Equal(3, Cloud.Calls.Count(c => c.StartsWith("AttachFloatingAddress ", StringComparison.Ordinal) && c.EndsWith(" ext-public", StringComparison.Ordinal)));
        Assert.All(request.Instances, i => Assert.Equal($"fip-{i.CloudInstanceId}", i.FloatingIpId));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=instance-public]").Count));
        Assert.All(page.FindAll("[data-testid=instance-public]"), cell => Assert.Matches(@"^149\.165\.150\.\d \(floating IP\)$", cell.TextContent.Trim()));
    }

    private async Task<Guid> FailedEc2RequestAsync()
    {
        var requestId = await Provisioner.CheckAsync(new CloudTarget(CloudProvider.Ec2, "us-east-1", null), CloudPlans.Ec2(), null, TestContext.Current.CancellationToken);
        var failed = await Provisioner.LaunchAsync(requestId, null, TestContext.Current.CancellationToken);
        Assert.Equal(ProvisioningState.Failed, failed.State);
        return requestId;
    }
}
