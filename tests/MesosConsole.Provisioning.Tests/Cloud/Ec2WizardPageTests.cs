using Bunit;
using MesosConsole.Data.Provisioning;
using MesosConsole.Provisioning.Cloud;
using MesosConsole.Provisioning.Tests.Support;
using MesosConsole.Web.Components.Pages.Provisioning;
using TestContext = Xunit.TestContext;

namespace MesosConsole.Provisioning.Tests.Cloud;

/// <summary>The EC2 wizard page on a fake cloud, with the real provisioner and a real SQLite file.</summary>
public sealed class Ec2WizardPageTests : CloudComponentTest
{
    [Fact]
    public async Task Wizard_ValidInput_DryRunThenLaunchShowsRunningInstancesAndDeployLink()
    {
        var page = Render<Ec2WizardPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("input[data-testid=region]")));

        Click(page, "next");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("input[data-testid=cluster-name]")));
        FillMachines(page);
        Click(page, "next");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=key-pair]")));
        page.Find("[data-testid=key-pair]").Change("lab-key");
        Type(page, "cidr", "203.0.113.0/24");
        Type(page, "tags", "project=airavata");
        Click(page, "next");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=dry-run]")));
        Assert.True(page.Find("[data-testid=launch]").HasAttribute("disabled"));

        Click(page, "dry-run");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=check-ok]")));
        Assert.Equal(["Check teaching-lab 3xt3.medium 2xm5.large lab-key 203.0.113.0/24"], Cloud.Calls);
        Click(page, "launch");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=launch-ok]")));
        var request = Assert.Single(await Provisioner.ListAsync(CloudProvider.Ec2, TestContext.Current.CancellationToken));
        Assert.Equal(ProvisioningState.Running, request.State);
        Assert.Equal(UserName, request.RequestedBy);
        page.WaitForAssertion(() => Assert.Contains($" by {UserName} · ", page.Markup, StringComparison.Ordinal));
        Assert.Equal(5, request.Instances.Count);
        Assert.Equal($"deploy?request={request.Id}", page.Find("[data-testid=deploy-link]").GetAttribute("href"));
        Assert.Equal(new CloudTarget(CloudProvider.Ec2, "us-east-1", null), Cloud.Targets[0]);
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("[data-testid=instance]").Count));
        Assert.Equal("Running", page.Find("[data-testid=request-state]").TextContent.Trim());
        Assert.Equal("airavata", System.Text.Json.JsonSerializer.Deserialize<LaunchPlan>(request.Settings)!.Tags["project"]);
    }

    [Fact]
    public void Wizard_BadInput_ShowsEachFieldsMessageAndStaysOnTheStep()
    {
        var page = Render<Ec2WizardPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("input[data-testid=region]")));
        Type(page, "region", "US East");

        Click(page, "next");

        page.WaitForAssertion(() => Assert.Contains("Give an EC2 region code such as us-east-1", page.Markup, StringComparison.Ordinal));
        Type(page, "region", "eu-west-2");
        Click(page, "next");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("input[data-testid=cluster-name]")));
        FillMachines(page);
        Type(page, "cluster-name", "Teaching_Lab");
        Type(page, "master-count", "2");
        Type(page, "agent-count", "0");
        Type(page, "image", "ubuntu");

        Click(page, "next");

        page.WaitForAssertion(() => Assert.Contains("Use an odd number of masters", page.Markup, StringComparison.Ordinal));
        Assert.Contains("Cluster names are 3–32 characters", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Agents must be between 1 and", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Give an AMI id", page.Markup, StringComparison.Ordinal);
        Assert.Equal("Teaching_Lab", page.Find("input[data-testid=cluster-name]").GetAttribute("value"));
        Assert.Empty(Cloud.Calls);
    }

    [Fact]
    public void Wizard_WholeInternetCidr_RefusedWithTheReason()
    {
        var page = WizardAtAccessStep();
        page.Find("[data-testid=key-pair]").Change("lab-key");
        Type(page, "cidr", "0.0.0.0/0");

        Click(page, "next");

        page.WaitForAssertion(() => Assert.Contains("would open Mesos, ZooKeeper and every task port to the whole internet", page.Markup, StringComparison.Ordinal));
        Type(page, "cidr", "203.0.113.7/24");
        Click(page, "next");
        page.WaitForAssertion(() => Assert.Contains("did you mean 203.0.113.0/24?", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=dry-run]"));
    }

    [Fact]
    public void Wizard_DryRunRefused_ShowsThePlainReasonAndKeepsTheInput()
    {
        Cloud.CheckFailure = new CloudOperationException("These AWS credentials are not allowed to launch the master instances.", "UnauthorizedOperation");
        var page = WizardAtAccessStep();
        page.Find("[data-testid=key-pair]").Change("lab-key");
        Type(page, "cidr", "203.0.113.0/24");
        Click(page, "next");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=dry-run]")));

        Click(page, "dry-run");

        page.WaitForAssertion(() => Assert.Contains("not allowed to launch the master instances", page.Find("[data-testid=wizard-error]").TextContent, StringComparison.Ordinal));
        Assert.True(page.Find("[data-testid=launch]").HasAttribute("disabled"));
        Assert.Contains("teaching-lab", page.Find("[data-testid=summary]").TextContent, StringComparison.Ordinal);
        Assert.Contains("no-requests", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminate_OnlyAfterTheClusterNameIsTyped_TerminatesEveryInstance()
    {
        var plan = CloudPlans.Ec2();
        var requestId = await Provisioner.CheckAsync(new CloudTarget(CloudProvider.Ec2, "us-east-1", null), plan, null, TestContext.Current.CancellationToken);
        await Provisioner.LaunchAsync(requestId, null, TestContext.Current.CancellationToken);
        var page = Render<Ec2WizardPage>();
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("[data-testid=instance]").Count));
        Assert.Equal($"deploy?request={requestId}", page.Find("[data-testid=request-deploy]").GetAttribute("href"));

        Click(page, "terminate");
        page.WaitForAssertion(() => Assert.True(page.Find("[data-testid=confirm-terminate]").HasAttribute("disabled")));
        page.Find("input[data-testid=confirm-name]").Input("teaching");
        page.WaitForAssertion(() => Assert.True(page.Find("[data-testid=confirm-terminate]").HasAttribute("disabled")));
        Assert.Empty(Cloud.Terminated);
        page.Find("input[data-testid=confirm-name]").Input("teaching-lab");
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=confirm-terminate]").HasAttribute("disabled")));
        Click(page, "confirm-terminate");

        page.WaitForAssertion(() => Assert.Equal("Terminated", page.Find("[data-testid=request-state]").TextContent.Trim()));
        Assert.Equal(5, Cloud.Terminated.Count);
        Assert.Empty(page.FindAll("[data-testid=terminate]"));
    }

    private IRenderedComponent<Ec2WizardPage> WizardAtAccessStep()
    {
        var page = Render<Ec2WizardPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("input[data-testid=region]")));
        Click(page, "next");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("input[data-testid=cluster-name]")));
        FillMachines(page);
        Click(page, "next");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=key-pair]")));
        return page;
    }

    private static void FillMachines(IRenderedComponent<Ec2WizardPage> page)
    {
        Type(page, "cluster-name", "teaching-lab");
        Type(page, "image", "ami-0abcdef1234567890");
        Type(page, "master-type", "t3.medium");
        Type(page, "agent-type", "m5.large");
        Type(page, "master-count", "3");
        Type(page, "agent-count", "2");
    }

    private static void Click(IRenderedComponent<Ec2WizardPage> page, string testId) => page.Find($"[data-testid={testId}]").Click();
}
