using Bunit;
using MesosConsole.Data.Deployments;
using MesosConsole.Data.Provisioning;
using MesosConsole.Provisioning.Tests.Support;
using MesosConsole.Web.Cluster;
using MesosConsole.Web.Components.Pages.Deploy;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TestContext = Xunit.TestContext;

namespace MesosConsole.Provisioning.Tests.Ansible;

public sealed class DeployPageTests : AnsibleComponentTest
{
    private static readonly string[] SuccessfulRun =
    [
        "PLAY [Mesos masters] ***********************************************************",
        "TASK [Gathering Facts] *********************************************************",
        "ok: [10.0.0.5]",
        "TASK [mesos_master : Write the mesos-master service] ***************************",
        "changed: [10.0.0.5]",
    ];

    private static readonly string[] Recap =
    [
        "PLAY RECAP *********************************************************************",
        "10.0.0.5                   : ok=2    changed=1    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0",
        "10.0.0.6                   : ok=1    changed=0    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0",
    ];

    [Fact]
    public void Preview_TypedHosts_ShowsGeneratedInventoryAndVariables()
    {
        var page = RenderFilledIn();

        page.Find("[data-testid=preview]").Click();

        var inventory = page.Find("[data-testid=inventory]").TextContent;
        Assert.Contains("[masters]\n10.0.0.5 ansible_host=10.0.0.5", inventory, StringComparison.Ordinal);
        Assert.Contains("[agents]\n10.0.0.6 ansible_host=10.0.0.6", inventory, StringComparison.Ordinal);
        Assert.Contains("\"mesos_apt_repository\": \"deb https://mirror.example.org/mesos bookworm main\"", page.Find("[data-testid=variables]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=plan-errors]"));
    }

    [Fact]
    public void Preview_BadHostsAndNoSource_ClearMessagesAndNothingToRun()
    {
        var page = Render<DeployPage>();
        page.Find("[data-testid=typed-hosts]").Change("10.0.0.5; rm masters\n10.0.0.6 agents");
        page.Find("[data-testid=cluster-name]").Change("lab");

        page.Find("[data-testid=preview]").Click();

        var errors = page.Find("[data-testid=plan-errors]").TextContent;
        Assert.Contains("Line 1: \"10.0.0.5;\" is not a host name or IP address", errors, StringComparison.Ordinal);
        Assert.Contains("Mesos is no longer published for current Debian/Ubuntu", errors, StringComparison.Ordinal);
        Assert.Contains("At least one host must be in the masters group", errors, StringComparison.Ordinal);
        Assert.Contains("Mesos is no longer published", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=run]"));
    }

    [Fact]
    public async Task Run_Succeeds_StreamsPerTaskThenRecapRecordsRunAndAddsCluster()
    {
        Runner.Lines.AddRange(SuccessfulRun);
        Runner.HoldAfter = true;
        Runner.LinesAfterHold.AddRange(Recap);
        var page = RenderFilledIn();
        page.Find("[data-testid=preview]").Click();

        page.Find("[data-testid=run]").Click();

        // While ansible-playbook still runs, its lines are already grouped per task and host.
        page.WaitForAssertion(() =>
        {
            Assert.Equal(["Gathering Facts", "mesos_master : Write the mesos-master service"], page.FindAll("[data-testid=task-name]").Select(e => e.TextContent));
            Assert.Equal(["ok: 10.0.0.5", "changed: 10.0.0.5"], page.FindAll("[data-testid=host-result]").Select(e => e.TextContent.Trim()));
            Assert.NotEmpty(page.FindAll("[data-testid=cancel]"));
        });
        Runner.Release();

        page.WaitForAssertion(() => Assert.Contains("The deployment succeeded.", page.Find("[data-testid=outcome]").TextContent, StringComparison.Ordinal));
        Assert.Equal([["10.0.0.5", "2", "1", "0", "0", "0", "0", "0"], ["10.0.0.6", "1", "0", "0", "0", "0", "0", "0"]],
            page.FindAll("[data-testid=recap-row]").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToArray()));
        var added = Assert.Single(Catalog.Added);
        Assert.Equal(("lab", new Uri("http://10.0.0.5:5050")), (added.Name, Assert.Single(added.MasterUrls)));

        await using var db = await Database.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var run = await db.DeploymentRuns.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(added.RunId, run.Id);
        Assert.Equal((DeploymentResult.Succeeded, 0, "stored-lab", "site.yml"), (run.Result, run.ExitCode, run.ClusterId, run.Playbook));
        Assert.Equal(Time.GetUtcNow(), run.StartedAt);
        Assert.NotNull(run.FinishedAt);
        Assert.Equal(UserName, run.StartedBy);
        Assert.Contains("[masters]\n10.0.0.5", run.Inventory, StringComparison.Ordinal);
        Assert.Equal(string.Join('\n', SuccessfulRun.Concat(Recap)), run.Log);
        Assert.Contains("\"host\":\"10.0.0.6\",\"ok\":1", run.Recap, StringComparison.Ordinal);

        page.Find("[data-testid=open-cluster]").Click();
        Assert.Equal("stored-lab", Services.GetRequiredService<ClusterSelection>().Current.Info.Id);
        Assert.Equal("http://localhost/", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task Run_Cancelled_StopsRunnerAndRecordsCancelled()
    {
        Runner.Lines.AddRange(SuccessfulRun);
        Runner.HoldAfter = true;
        var page = RenderFilledIn();
        page.Find("[data-testid=preview]").Click();
        page.Find("[data-testid=run]").Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=cancel]")));

        page.Find("[data-testid=cancel]").Click();

        page.WaitForAssertion(() => Assert.Contains("The run was cancelled", page.Find("[data-testid=outcome]").TextContent, StringComparison.Ordinal));
        Assert.True(Runner.WasCancelled);
        Assert.Empty(Catalog.Added);
        Assert.Empty(page.FindAll("[data-testid=cancel]"));
        await using var db = await Database.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var run = await db.DeploymentRuns.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal((DeploymentResult.Cancelled, (int?)null), (run.Result, run.ExitCode));
        Assert.Equal(string.Join('\n', SuccessfulRun), run.Log);
    }

    [Fact]
    public async Task Run_TaskFails_FailureShownInTasksAndRecapNoClusterAdded()
    {
        Runner.Lines.AddRange(SuccessfulRun[..3]);
        Runner.Lines.Add("TASK [mesos_master : Install Mesos] ****");
        Runner.Lines.Add("fatal: [10.0.0.5]: FAILED! => {\"msg\": \"No package matching 'mesos' is available\"}");
        Runner.Lines.Add("PLAY RECAP ****");
        Runner.Lines.Add("10.0.0.5                   : ok=1    changed=0    unreachable=0    failed=1    skipped=0    rescued=0    ignored=0");
        Runner.ExitCode = 2;
        var page = RenderFilledIn();
        page.Find("[data-testid=preview]").Click();

        page.Find("[data-testid=run]").Click();

        page.WaitForAssertion(() => Assert.Contains("ansible-playbook exited with 2", page.Find("[data-testid=outcome]").TextContent, StringComparison.Ordinal));
        Assert.Equal("fatal: 10.0.0.5", page.FindAll("[data-testid=host-result]")[^1].TextContent.Trim());
        Assert.Contains("mud-error-text", page.Find("[data-testid=recap-row]").ClassName, StringComparison.Ordinal);
        Assert.Empty(Catalog.Added);
        await using var db = await Database.CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal((DeploymentResult.Failed, (int?)2), await db.DeploymentRuns.Select(r => ValueTuple.Create(r.Result, r.ExitCode)).SingleAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Run_PrivateKeyFile_NeverShownNorStored()
    {
        var key = typeof(DeployPageTests).Assembly.Location;
        Runner.Lines.Add($"<127.0.0.1> SSH: EXEC ssh -o 'IdentityFile=\"{key}\"' 10.0.0.5");
        Runner.Lines.AddRange(Recap);
        var page = RenderFilledIn();
        page.Find("[data-testid=ssh-key]").Change(key);
        page.Find("[data-testid=preview]").Click();

        page.Find("[data-testid=run]").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=outcome]")));
        Assert.Equal(key, Assert.Single(Runner.Requests).PrivateKeyFile);
        Assert.Contains("IdentityFile=\"***\"", page.Find("[data-testid=raw-log]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(key, page.Find("[data-testid=run-output]").OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(key, page.Find("[data-testid=inventory]").TextContent + page.Find("[data-testid=variables]").TextContent, StringComparison.Ordinal);
        await using var db = await Database.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var run = await db.DeploymentRuns.SingleAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(key, run.Log + run.Inventory + run.Variables + run.Recap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_RequestInQuery_DeploysOntoItsInstances()
    {
        var request = new ProvisioningRequest { Id = Guid.NewGuid(), ClusterName = "ec2-lab", Region = "us-east-1", CreatedAt = Time.GetUtcNow() };
        request.Instances.Add(new ProvisionedInstance { CloudInstanceId = "i-1", Name = "ec2-lab-master-1", Role = InstanceRole.Master, State = "running", PublicAddress = "203.0.113.5" });
        request.Instances.Add(new ProvisionedInstance { CloudInstanceId = "i-2", Name = "ec2-lab-agent-1", Role = InstanceRole.Agent, State = "running", PublicAddress = "203.0.113.6" });
        await using (var db = await Database.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            db.ProvisioningRequests.Add(request);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Services.GetRequiredService<NavigationManager>().NavigateTo($"deploy?request={request.Id}");
        var page = Render<DeployPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=request-select]")));
        FillSettings(page);

        page.Find("[data-testid=preview]").Click();

        var inventory = page.Find("[data-testid=inventory]").TextContent;
        Assert.Contains("[zookeeper]\n203.0.113.5 ansible_host=203.0.113.5", inventory, StringComparison.Ordinal);
        Assert.Contains("[agents]\n203.0.113.6 ansible_host=203.0.113.6", inventory, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnknownRequestInQuery_SaysSo()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("deploy?request=not-a-request");

        var page = Render<DeployPage>();

        page.WaitForAssertion(() => Assert.Contains("There is no provisioning request \"not-a-request\" with instances", page.Markup, StringComparison.Ordinal));
    }

    private IRenderedComponent<DeployPage> RenderFilledIn()
    {
        var page = Render<DeployPage>();
        page.Find("[data-testid=typed-hosts]").Change("10.0.0.5 zookeeper,masters,schedulers\n10.0.0.6 agents");
        FillSettings(page);
        return page;
    }

    private static void FillSettings(IRenderedComponent<DeployPage> page)
    {
        page.Find("[data-testid=cluster-name]").Change("lab");
        page.Find("[data-testid=mesos-repository]").Change("deb https://mirror.example.org/mesos bookworm main");
        page.Find("[data-testid=marathon-urls]").Change("https://mirror.example.org/marathon_1.11.deb");
        page.Find("[data-testid=chronos-enabled]").Change(false);
        page.Find("[data-testid=aurora-enabled]").Change(false);
    }
}
