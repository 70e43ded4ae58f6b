using Bunit;
using MesosConsole.Data.Deployments;
using MesosConsole.Data.Provisioning;
using MesosConsole.Provisioning.Tests.Support;
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
    public async Task Run_StartsInTheBackground_RowWrittenAndRunPageOpened()
    {
        Runner.Lines.AddRange(SuccessfulRun);
        Runner.HoldAfter = true;
        var page = RenderFilledIn();
        page.Find("[data-testid=preview]").Click();

        page.Find("[data-testid=run]").Click();

        page.WaitForState(() => RunIdFromUri() is not null);
        var runId = RunIdFromUri()!.Value;
        Assert.True(Deployments.IsRunning(runId));
        var run = await StoredRunAsync(runId);
        Assert.Equal((DeploymentResult.Running, "lab", "site.yml", UserName), (run.Result, run.ClusterName, run.Playbook, run.StartedBy));
        Assert.Equal(Time.GetUtcNow(), run.StartedAt);
        Assert.Contains("[masters]\n10.0.0.5", run.Inventory, StringComparison.Ordinal);
        Assert.Contains("\"mesos_cluster_name\": \"lab\"", run.Variables, StringComparison.Ordinal);
        Runner.Release();
        await WaitForEndAsync(runId);
    }

    [Fact]
    public async Task Run_StartingPageDisposed_RunGoesOnAndSucceedsAddingTheCluster()
    {
        Runner.Lines.AddRange(SuccessfulRun);
        Runner.HoldAfter = true;
        Runner.LinesAfterHold.AddRange(Recap);
        var page = RenderFilledIn();
        page.Find("[data-testid=preview]").Click();
        page.Find("[data-testid=run]").Click();
        page.WaitForState(() => RunIdFromUri() is not null);
        var runId = RunIdFromUri()!.Value;

        // The page (and with it any circuit) goes away while ansible-playbook is still running.
        await DisposeComponentsAsync();
        Assert.False(Runner.WasCancelled);
        Runner.Release();
        await WaitForEndAsync(runId);

        var run = await StoredRunAsync(runId);
        Assert.Equal((DeploymentResult.Succeeded, (int?)0, "stored-lab"), (run.Result, run.ExitCode, run.ClusterId));
        Assert.Equal(string.Join('\n', SuccessfulRun.Concat(Recap)), run.Log);
        Assert.Contains("\"host\":\"10.0.0.6\",\"ok\":1", run.Recap, StringComparison.Ordinal);
        Assert.NotNull(run.FinishedAt);
        var added = Assert.Single(Catalog.Added);
        Assert.Equal(("lab", new Uri("http://10.0.0.5:5050"), (Guid?)runId), (added.Name, Assert.Single(added.MasterUrls), added.RunId));
    }

    [Fact]
    public async Task Run_SameClusterAlreadyRunning_RefusedWithClearMessageFormKept()
    {
        Runner.HoldAfter = true;
        var first = RenderFilledIn();
        first.Find("[data-testid=preview]").Click();
        first.Find("[data-testid=run]").Click();
        first.WaitForState(() => RunIdFromUri() is not null);
        var runId = RunIdFromUri()!.Value;

        var second = RenderFilledIn();
        second.Find("[data-testid=preview]").Click();
        second.Find("[data-testid=run]").Click();

        second.WaitForAssertion(() => Assert.Equal(
            "\"lab\" is being deployed already; wait for that run to end (or cancel it) before starting another.",
            second.Find("[data-testid=run-error]").TextContent.Trim()));
        Assert.Equal("lab", second.Find("[data-testid=cluster-name]").GetAttribute("value"));
        Assert.Single(Runner.Requests);
        Assert.Equal([runId], Deployments.ActiveRunIds);
        Runner.Release();
        await WaitForEndAsync(runId);
    }

    [Fact]
    public async Task LocalPlaybook_PreviewAndRun_LocalClusterGroupAndHostMasterUrlAdded()
    {
        using var source = AnsibleLocalClusterSource.Create();
        Runner.Lines.AddRange(["PLAY RECAP ****", "10.0.0.9                   : ok=9    changed=5    unreachable=0    failed=0    skipped=2    rescued=0    ignored=0"]);
        var page = Render<DeployPage>();
        ChoosePlaybook(page, "local");
        page.Find("[data-testid=local-host]").Change("10.0.0.9");
        page.Find("[data-testid=cluster-name]").Change("lab-local");
        page.Find("[data-testid=local-source-dir]").Change(source.Path);
        page.Find("[data-testid=local-port]").Change("5060");

        page.Find("[data-testid=preview]").Click();

        Assert.Equal("[local_cluster]\n10.0.0.9 ansible_host=10.0.0.9 local_cluster_hostname=10.0.0.9\n\n", page.Find("[data-testid=inventory]").TextContent);
        var variables = page.Find("[data-testid=variables]").TextContent;
        Assert.Contains($"\"local_cluster_source_dir\": \"{source.Path}\"", variables, StringComparison.Ordinal);
        Assert.Contains("\"local_cluster_port\": 5060", variables, StringComparison.Ordinal);
        Assert.Contains("Run ansible-playbook local.yml", page.Find("[data-testid=run]").TextContent, StringComparison.Ordinal);

        page.Find("[data-testid=run]").Click();
        page.WaitForState(() => RunIdFromUri() is not null);
        var runId = RunIdFromUri()!.Value;
        await WaitForEndAsync(runId);

        Assert.Equal("local.yml", Assert.Single(Runner.Requests).Playbook);
        var run = await StoredRunAsync(runId);
        Assert.Equal((DeploymentResult.Succeeded, "lab-local", "local.yml"), (run.Result, run.ClusterName, run.Playbook));
        var added = Assert.Single(Catalog.Added);
        Assert.Equal(("lab-local", new Uri("http://10.0.0.9:5060")), (added.Name, Assert.Single(added.MasterUrls)));
    }

    [Fact]
    public void LocalPlaybook_BadFields_EachMessageOnItsFieldNothingToRun()
    {
        var page = Render<DeployPage>();
        ChoosePlaybook(page, "local");
        page.Find("[data-testid=local-host]").Change("fd00::9");
        page.Find("[data-testid=cluster-name]").Change("lab-local");
        page.Find("[data-testid=local-source-dir]").Change("relative/folder");
        page.Find("[data-testid=local-agents]").Change("0");

        page.Find("[data-testid=preview]").Click();

        var errors = page.Find("[data-testid=plan-errors]").TextContent;
        Assert.Contains("Give an IPv4 address or a host name", errors, StringComparison.Ordinal);
        Assert.Contains("Give the absolute path of a folder on the console's machine", errors, StringComparison.Ordinal);
        Assert.Contains("Between 1 and 32 agents, not 0.", errors, StringComparison.Ordinal);
        Assert.Contains("Give an IPv4 address or a host name", page.Find("[data-testid=local-form]").TextContent, StringComparison.Ordinal);
        Assert.Equal("fd00::9", page.Find("[data-testid=local-host]").GetAttribute("value"));
        Assert.Empty(page.FindAll("[data-testid=run]"));
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

    private Guid? RunIdFromUri()
    {
        var uri = Services.GetRequiredService<NavigationManager>().Uri;
        const string prefix = "http://localhost/deploy/runs/";
        return uri.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParse(uri[prefix.Length..], out var id) ? id : null;
    }

    private static void ChoosePlaybook(IRenderedComponent<DeployPage> page, string which) =>
        page.Find($"input[data-testid=playbook-{which}], [data-testid=playbook-{which}] input").Click();

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
