using Bunit;
using MesosConsole.Data.Provisioning;
using MesosConsole.Provisioning.Tests.Support;
using MesosConsole.Web.Components.Pages.Provisioning;
using TestContext = Xunit.TestContext;

namespace MesosConsole.Provisioning.Tests.Cloud;

/// <summary>The OpenStack wizard page on a fake cloud: same steps, with images and flavors picked from the cloud's lists.</summary>
public sealed class OpenStackWizardPageTests : CloudComponentTest
{
    [Fact]
    public async Task Wizard_PicksImageAndFlavorsFromTheCloud_ThenChecksAndLaunches()
    {
        var page = Render<OpenStackWizardPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("input[data-testid=region]")));
        page.Find("input[data-testid=region]").Change("IU");
        page.Find("[data-testid=next]").Click();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=master-type] option").Count));
        Assert.Contains("Featured-Ubuntu22", page.Find("[data-testid=image]").TextContent, StringComparison.Ordinal);
        page.Find("input[data-testid=cluster-name]").Change("js2-lab");
        page.Find("[data-testid=image]").Change("img-ubuntu");
        page.Find("[data-testid=master-type]").Change("m3.small");
        page.Find("[data-testid=next]").Click();
        page.WaitForAssertion(() => Assert.Equal("Pick a flavor.", page.Find("[data-testid=agent-type-error]").TextContent));
        page.Find("[data-testid=agent-type]").Change("m3.medium");
        page.Find("[data-testid=next]").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=key-pair]")));
        page.Find("[data-testid=key-pair]").Change("lab-key");
        page.Find("input[data-testid=cidr]").Change("198.51.100.0/24");
        page.Find("[data-testid=next]").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=dry-run]")));
        page.Find("[data-testid=dry-run]").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=check-ok]")));
        page.Find("[data-testid=launch]").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=deploy-link]")));
        var request = Assert.Single(await Provisioner.ListAsync(CloudProvider.OpenStack, TestContext.Current.CancellationToken));
        Assert.Equal(("IU", ProvisioningState.Running, 3), (request.Region, request.State, request.Instances.Count));
        Assert.Contains("Check js2-lab 1xm3.small 2xm3.medium lab-key 198.51.100.0/24", Cloud.Calls);
    }
}
