using System.Text;
using Bunit;
using MesosConsole.Data.Provisioning;
using MesosConsole.Provisioning.Cloud;
using MesosConsole.Provisioning.Tests.Support;
using MesosConsole.Web.Components.Pages.Provisioning;
using Microsoft.Extensions.DependencyInjection;
using TestContext = Xunit.TestContext;

namespace MesosConsole.Provisioning.Tests.Cloud;

/// <summary>
/// A whole EC2 wizard flow with a recognisable secret typed into the page, through the real vault,
/// the real AWS SDK and the local EC2 endpoint (a refused dry run included); then the SQLite file,
/// every log entry and the rendered markup are searched for the secret.
/// </summary>
public sealed class CloudSecretLeakTests() : CloudComponentTest(realEc2: true)
{
    private const string AccessKeyId = "AKIAIOSFODNN7LEAKXYZ";
    private const string Secret = "Leak+Canary/wJalrXUtnFEMI-K7MDENG-9f3q";

    [Fact]
    public async Task Ec2WizardFlow_SecretTypedOnce_NeverInDatabaseLogsOrMarkup()
    {
        Services.GetRequiredService<CloudClock>().DelayStarted += delay =>
        {
            Ec2!.SetAllStates("running");
            Time.Advance(delay);
        };
        var page = Render<Ec2WizardPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("input[data-testid=new-secret]")));
        Type(page, "new-credential-name", "lab account");
        Type(page, "new-access-key-id", AccessKeyId);
        Type(page, "new-secret", Secret);
        page.Find("[data-testid=save-credential]").Click();
        page.WaitForAssertion(() => Assert.Contains("lab account — AKIA…KXYZ", page.Find("[data-testid=credential-choice]").TextContent, StringComparison.Ordinal));
        Assert.Equal("", page.Find("input[data-testid=new-secret]").GetAttribute("value") ?? "");

        page.Find("[data-testid=next]").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("input[data-testid=cluster-name]")));
        Type(page, "cluster-name", "canary-lab");
        Type(page, "image", "ami-0abcdef1234567890");
        Type(page, "master-type", "t3.medium");
        Type(page, "agent-type", "t3.large");
        Type(page, "master-count", "1");
        Type(page, "agent-count", "1");
        page.Find("[data-testid=next]").Click();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=key-pair] option").Count));
        page.Find("[data-testid=key-pair]").Change("lab-key");
        Type(page, "cidr", "203.0.113.0/24");
        page.Find("[data-testid=next]").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=dry-run]")));
        Ec2!.Fail("RunInstances", "UnauthorizedOperation", "You are not authorized to perform this operation.", dryRunToo: true);
        page.Find("[data-testid=dry-run]").Click();
        page.WaitForAssertion(() => Assert.Contains("not allowed to launch", page.Find("[data-testid=wizard-error]").TextContent, StringComparison.Ordinal));
        page.Find("[data-testid=dry-run]").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=check-ok]")));
        page.Find("[data-testid=launch]").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=launch-ok]")));

        // The stored key really was the one used: every call was signed with its id.
        Assert.All(Ec2.Calls, c => Assert.Contains($"Credential={AccessKeyId}/", c.Authorization, StringComparison.Ordinal));
        var request = Assert.Single(await Provisioner.ListAsync(CloudProvider.Ec2, TestContext.Current.CancellationToken));
        Assert.Equal(ProvisioningState.Running, request.State);

        Assert.DoesNotContain(Secret, page.Markup, StringComparison.Ordinal);
        Assert.NotEmpty(Logs.Entries);
        Assert.Contains(Logs.Entries, e => e.Contains("checked on Ec2 for cluster canary-lab", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, Logs.AllText, StringComparison.Ordinal);
        var database = Database.ReadAllBytes();
        Assert.True(Contains(database, "AKIA…KXYZ"), "the summary should be stored, showing the search works");
        Assert.False(Contains(database, Secret), "the secret is in the SQLite file in plain text");
        Assert.False(Contains(database, AccessKeyId), "the whole access key id is in the SQLite file in plain text");
        Assert.NotEmpty(Directory.GetFiles(Database.KeysFolder, "key-*.xml"));
    }

    private static bool Contains(byte[] haystack, string text) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
