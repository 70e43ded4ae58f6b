using Bunit;
using MesosConsole.Data.Deployments;
using MesosConsole.Provisioning.Ansible;
using MesosConsole.Provisioning.Tests.Support;
using MesosConsole.Web.Cluster;
using MesosConsole.Web.Components.Pages.Deploy;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using TestContext = Xunit.TestContext;

namespace MesosConsole.Provisioning.Tests.Ansible;

public sealed class DeploymentRunPageTests : AnsibleComponentTest
{
    internal static readonly string[] Tasks =
    [
        "PLAY [Mesos masters] ***********************************************************",
        "TASK [Gathering Facts] *********************************************************",
        "ok: [10.0.0.5]",
        "TASK [mesos_master : Write the mesos-master service] ***************************",
        "changed: [10.0.0.5]",
    ];

    internal static readonly string[] Recap =
    [
        "PLAY RECAP *********************************************************************",
        "10.0.0.5                   : ok=2    changed=1    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0",
        "10.0.0.6                   : ok=1    changed=0    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0",
    ];

    [Fact]
    public async Task Page_OpenedMidRun_LinesSoFarThenLiveThenStoredRecordWithClusterLink()
    {
        Runner.Lines.AddRange(Tasks);
        Runner.HoldAfter = true;
        Runner.LinesAfterHold.AddRange(Recap);
        var runId = await Deployments.StartAsync(Plan(), "grace", TestContext.Current.CancellationToken);

        var page = RenderRun(runId.ToString());

        // The lines printed before the page opened, grouped per task and host, while the run still goes.
        page.WaitForAssertion(() =>
        {
            Assert.Equal(["Gathering Facts", "mesos_master : Write the mesos-master service"], page.FindAll("[data-testid=task-name]").Select(e => e.TextContent));
            Assert.Equal(["ok: 10.0.0.5", "changed: 10.0.0.5"], page.FindAll("[data-testid=host-result]").Select(e => e.TextContent.Trim()));
        });
        Assert.NotEmpty(page.FindAll("[data-testid=cancel]"));
        Assert.Equal("running", page.Find("[data-testid=result]").TextContent.Trim());
        Assert.Equal("grace", page.Find("[data-testid=started-by]").TextContent);
        Assert.Contains("[masters]\n10.0.0.5", page.Find("[data-testid=inventory]").TextContent, StringComparison.Ordinal);
        Assert.Contains("\"mesos_cluster_name\": \"lab\"", page.Find("[data-testid=variables]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=outcome]"));

        Runner.Release();

        // Then the recap as it comes, and the stored record once the run is over.
        page.WaitForAssertion(() => Assert.Contains("The deployment succeeded; lab was added to the cluster chooser.",
            page.Find("[data-testid=outcome]").TextContent, StringComparison.Ordinal));
        Assert.Equal("succeeded", page.Find("[data-testid=result]").TextContent.Trim());
        Assert.Equal("0", page.Find("[data-testid=exit-code]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=cancel]"));
        Assert.Equal([["10.0.0.5", "2", "1", "0", "0", "0", "0", "0"], ["10.0.0.6", "1", "0", "0", "0", "0", "0", "0"]],
            page.FindAll("[data-testid=recap-row]").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToArray()));
        Assert.Equal(string.Join('\n', Tasks.Concat(Recap)), page.Find("[data-testid=raw-log]").TextContent);

        // Awaited: the runner's thread may be rendering this page just now, and a plain Click would only queue the handler.
        await page.Find("[data-testid=open-cluster]").ClickAsync(new MouseEventArgs());
        Assert.Equal("stored-lab", Services.GetRequiredService<ClusterSelection>().Current.Info.Id);
        Assert.Equal("http://localhost/", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task Cancel_FromRunPage_StopsRunnerAndRecordsCancelled()
    {
        Runner.Lines.AddRange(Tasks);
        Runner.HoldAfter = true;
        var runId = await Deployments.StartAsync(Plan(), UserName, TestContext.Current.CancellationToken);
        var page = RenderRun(runId.ToString());
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=task-name]").Count));

        page.Find("[data-testid=cancel]").Click();

        page.WaitForAssertion(() => Assert.Contains("The run was cancelled", page.Find("[data-testid=outcome]").TextContent, StringComparison.Ordinal));
        Assert.True(Runner.WasCancelled);
        Assert.Empty(Catalog.Added);
        Assert.Empty(page.FindAll("[data-testid=cancel]"));
        var run = await StoredRunAsync(runId);
        Assert.Equal((DeploymentResult.Cancelled, (int?)null), (run.Result, run.ExitCode));
        Assert.Equal(string.Join('\n', [.. Tasks, DeploymentLogNotes.Format($"Cancelled by {UserName}.")]), run.Log);
        page.WaitForAssertion(() => Assert.Contains($"Cancelled by {UserName}.", page.Find("[data-testid=note]").TextContent, StringComparison.Ordinal));
        Assert.False(Deployments.IsRunning(runId));
    }

    [Fact]
    public async Task StoredFailedRun_ResultExitCodeRecapAndFullLogFromTheDatabase()
    {
        var log = string.Join('\n', Tasks[..3]) + "\nTASK [mesos_master : Install Mesos] ****\nfatal: [10.0.0.5]: FAILED! => {\"msg\": \"No package matching 'mesos'\"}"
            + "\nPLAY RECAP ****\n10.0.0.5                   : ok=1    changed=0    unreachable=0    failed=1    skipped=0    rescued=0    ignored=0";
        var run = new DeploymentRun
        {
            Id = Guid.NewGuid(),
            StartedBy = "grace",
            StartedAt = Time.GetUtcNow().AddMinutes(-3),
            FinishedAt = Time.GetUtcNow().AddMinutes(-1),
            ClusterName = "lab",
            Playbook = "site.yml",
            Inventory = "[masters]\n10.0.0.5 ansible_host=10.0.0.5\n",
            Variables = "{\"mesos_cluster_name\": \"lab\"}",
            Log = log,
            Recap = DeploymentRecap.Serialize([new RecapEntry("10.0.0.5", 1, 0, 0, 1, 0, 0, 0)]),
            Result = DeploymentResult.Failed,
            ExitCode = 2,
        };
        await using (var db = await Database.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            db.DeploymentRuns.Add(run);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var page = RenderRun(run.Id.ToString());

        page.WaitForAssertion(() => Assert.Contains("ansible-playbook exited with 2", page.Find("[data-testid=outcome]").TextContent, StringComparison.Ordinal));
        Assert.Equal(("failed", "2", "2 min 0 s"), (page.Find("[data-testid=result]").TextContent.Trim(), page.Find("[data-testid=exit-code]").TextContent,
            page.Find("[data-testid=duration]").TextContent));
        Assert.Equal("fatal: 10.0.0.5", page.FindAll("[data-testid=host-result]")[^1].TextContent.Trim());
        Assert.Contains("mud-error-text", page.Find("[data-testid=recap-row]").ClassName, StringComparison.Ordinal);
        Assert.Equal(log, page.Find("[data-testid=raw-log]").TextContent);
        Assert.Equal(run.Inventory, page.Find("[data-testid=inventory]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=cancel]"));
        Assert.Empty(page.FindAll("[data-testid=open-cluster]"));
    }

    [Fact]
    public async Task ClusterNameTaken_RunSucceedsAndTheClashIsRecordedAndShown()
    {
        await Catalog.AddAsync("lab", [new Uri("http://10.9.9.9:5050")], TestContext.Current.CancellationToken);
        Runner.Lines.AddRange(Tasks.Concat(Recap));
        var runId = await Deployments.StartAsync(Plan(), UserName, TestContext.Current.CancellationToken);
        await WaitForEndAsync(runId);

        var page = RenderRun(runId.ToString());

        const string Note = "The cluster was deployed but not added to the cluster chooser: There is already a cluster named \"lab\".";
        page.WaitForAssertion(() => Assert.Equal(Note, page.Find("[data-testid=note]").TextContent));
        Assert.Contains("The deployment succeeded.", page.Find("[data-testid=outcome]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=open-cluster]"));
        var run = await StoredRunAsync(runId);
        Assert.Equal((DeploymentResult.Succeeded, (string?)null), (run.Result, run.ClusterId));
        Assert.EndsWith("\n" + DeploymentLogNotes.Marker + Note, run.Log, StringComparison.Ordinal);
        Assert.Single(Catalog.Added);
    }

    [Theory]
    [InlineData("not-a-run", "There is no such run: \"not-a-run\" is not a run id.")]
    [InlineData("7d1f3a52-5f7e-4a43-9a2e-5f1f4bb0c001", "There is no such run: no deployment run has the id 7d1f3a52-5f7e-4a43-9a2e-5f1f4bb0c001.")]
    public void UnknownOrMalformedId_SaysThereIsNoSuchRun(string id, string expected)
    {
        var page = RenderRun(id);

        page.WaitForAssertion(() => Assert.StartsWith(expected, page.Find("[data-testid=no-such-run]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=run-output]"));
    }

    [Fact]
    public async Task PrivateKeyFile_NeverShownNorStored()
    {
        var key = typeof(DeploymentRunPageTests).Assembly.Location;
        Runner.Lines.Add($"<127.0.0.1> SSH: EXEC ssh -o 'IdentityFile=\"{key}\"' 10.0.0.5");
        Runner.Lines.AddRange(Recap);
        var settings = DeploymentPlanTests.ValidSettings();
        settings.SshPrivateKeyFile = key;
        var runId = await Deployments.StartAsync(Plan(settings), UserName, TestContext.Current.CancellationToken);
        await WaitForEndAsync(runId);

        var page = RenderRun(runId.ToString());

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=outcome]")));
        Assert.Equal(key, Assert.Single(Runner.Requests).PrivateKeyFile);
        Assert.Contains("IdentityFile=\"***\"", page.Find("[data-testid=raw-log]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(key, page.Markup, StringComparison.Ordinal);
        var run = await StoredRunAsync(runId);
        Assert.DoesNotContain(key, run.Log + run.Inventory + run.Variables + run.Recap, StringComparison.Ordinal);
    }

    internal static DeploymentPlan Plan(DeploymentSettings? settings = null)
    {
        var (hosts, _) = TypedHostsParser.Parse("10.0.0.5 zookeeper,masters,schedulers\n10.0.0.6 agents");
        var (plan, errors) = DeploymentPlan.Create(hosts, settings ?? DeploymentPlanTests.ValidSettings());
        Assert.Empty(errors);
        return plan!;
    }

    private IRenderedComponent<DeploymentRunPage> RenderRun(string id) => Render<DeploymentRunPage>(p => p.Add(x => x.RunId, id));
}
