using Bunit;
using MesosConsole.Data.Deployments;
using MesosConsole.Provisioning.Ansible;
using MesosConsole.Provisioning.Tests.Support;
using MesosConsole.Web.Components.Pages.Deploy;
using TestContext = Xunit.TestContext;

namespace MesosConsole.Provisioning.Tests.Ansible;

public sealed class DeploymentRunsPageTests : AnsibleComponentTest
{
    [Fact]
    public async Task List_NewestFirstWithWhoDurationResultAndHostCounts()
    {
        var now = Time.GetUtcNow();
        var older = Row("old-lab", "ada", now.AddHours(-2), now.AddHours(-2).AddMinutes(4).AddSeconds(7), DeploymentResult.Succeeded,
            [new RecapEntry("10.0.0.5", 9, 3, 0, 0, 0, 0, 0), new RecapEntry("10.0.0.6", 5, 1, 0, 0, 0, 0, 0)]);
        var failed = Row("lab", "grace", now.AddHours(-1), now.AddHours(-1).AddSeconds(42), DeploymentResult.Failed,
            [new RecapEntry("10.0.0.5", 1, 0, 0, 1, 0, 0, 0), new RecapEntry("10.0.0.6", 2, 0, 0, 0, 0, 0, 0)]);
        var interrupted = Row("local-lab", "linus", now.AddMinutes(-10), now.AddMinutes(-9), DeploymentResult.Interrupted, []);
        interrupted.Playbook = "local.yml";
        await using (var db = await Database.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            db.DeploymentRuns.AddRange(older, interrupted, failed);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var page = Render<DeploymentRunsPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=run-row]").Count));
        var rows = page.FindAll("[data-testid=run-row]");
        Assert.Equal(["local-lab", "lab", "old-lab"], rows.Select(r => r.QuerySelector("[data-testid=run-link]")!.TextContent));
        Assert.Equal(["linus", "grace", "ada"], rows.Select(r => r.QuerySelector("[data-testid=run-started-by]")!.TextContent));
        Assert.Equal(["interrupted", "failed", "succeeded"], rows.Select(r => r.QuerySelector("[data-testid=result]")!.TextContent.Trim()));
        Assert.Equal(["1 min 0 s", "42 s", "4 min 7 s"], rows.Select(r => r.QuerySelector("[data-testid=run-duration]")!.TextContent));
        Assert.Equal(["—", "1 ok · 1 failed", "2 ok · 0 failed"], rows.Select(r => r.QuerySelector("[data-testid=run-hosts]")!.TextContent.Trim()));
        Assert.Equal(["local.yml", "site.yml", "site.yml"], rows.Select(r => r.QuerySelectorAll("td")[1].TextContent));
        Assert.Equal($"deploy/runs/{failed.Id}", rows[1].QuerySelector("[data-testid=run-link]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task RunStartsAndEndsWhileOpen_ListFollows()
    {
        var page = Render<DeploymentRunsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=no-runs]")));
        Runner.HoldAfter = true;
        Runner.LinesAfterHold.AddRange(DeploymentRunPageTests.Recap);

        var runId = await Deployments.StartAsync(DeploymentRunPageTests.Plan(), "grace", TestContext.Current.CancellationToken);

        page.WaitForAssertion(() => Assert.Equal("running", page.Find("[data-testid=run-row] [data-testid=result]").TextContent.Trim()));
        Assert.Equal("grace", page.Find("[data-testid=run-started-by]").TextContent);
        Time.Advance(TimeSpan.FromSeconds(5));
        Runner.Release();
        await WaitForEndAsync(runId);
        page.WaitForAssertion(() => Assert.Equal("succeeded", page.Find("[data-testid=run-row] [data-testid=result]").TextContent.Trim()));
        Assert.Equal(("5 s", "2 ok · 0 failed"), (page.Find("[data-testid=run-duration]").TextContent, page.Find("[data-testid=run-hosts]").TextContent.Trim()));
    }

    private static DeploymentRun Row(string cluster, string who, DateTimeOffset started, DateTimeOffset finished, DeploymentResult result, IReadOnlyList<RecapEntry> recap) => new()
    {
        Id = Guid.NewGuid(),
        ClusterName = cluster,
        StartedBy = who,
        StartedAt = started,
        FinishedAt = finished,
        Result = result,
        Playbook = "site.yml",
        Inventory = "[masters]\n",
        Recap = recap.Count == 0 ? null : DeploymentRecap.Serialize(recap),
        ExitCode = result == DeploymentResult.Failed ? 2 : 0,
    };
}
