using Bunit;
using MesosConsole.Mesos.State;
using MesosConsole.Mesos.V1;
using MesosConsole.Web.Components.Pages.Frameworks;
using MesosConsole.Web.Tests.Support;

namespace MesosConsole.Web.Tests.Pages;

/// <summary>The Frameworks page and a framework's own page.</summary>
public sealed class FrameworksPageTests : ConsoleComponentTest
{
    private static SnapshotBuilder ThreeFrameworks() => new SnapshotBuilder()
        .Agent("a1")
        .Framework("f1", "marathon", webui: "http://marathon.example:8080", role: "web", user: "svc", principal: "marathon-p",
            allocated: new ResourceSummary(1.5, 1024, 0, 0, 0))
        .Framework("f2", "chronos", FrameworkStatus.Inactive)
        .Framework("f3", "old-batch", FrameworkStatus.Completed, webui: "javascript:alert(1)")
        .Task("f1", "t1", "a1", TaskState.TaskRunning)
        .Task("f1", "t2", "a1", TaskState.TaskStaging)
        .Task("f1", "t3", "a1", TaskState.TaskFailed);

    [Fact]
    public void Frameworks_EachStatus_IsListedInItsOwnGroup()
    {
        Feed.Publish(ThreeFrameworks().Build());

        var page = Render<FrameworksPage>();

        Assert.Equal(["Active (1)", "Inactive (1)", "Completed (1)"], page.FindAll("[data-testid=group-title]").Select(t => t.TextContent));
        Assert.Equal("marathon", page.Find("[data-testid=frameworks-active] [data-testid=framework-name]").TextContent);
        Assert.Equal("chronos", page.Find("[data-testid=frameworks-inactive] [data-testid=framework-name]").TextContent);
        Assert.Equal("old-batch", page.Find("[data-testid=frameworks-completed] [data-testid=framework-name]").TextContent);
    }

    [Fact]
    public void Frameworks_Row_ShowsRolesUserPrincipalResourcesTaskCountsAndLinks()
    {
        Feed.Publish(ThreeFrameworks().Build());

        var row = Render<FrameworksPage>().Find("[data-testid=framework-row][data-framework=f1]");

        Assert.Equal("web", row.QuerySelector("[data-testid=framework-roles]")!.TextContent);
        Assert.Equal("svc", row.QuerySelector("[data-testid=framework-user]")!.TextContent);
        Assert.Equal("marathon-p", row.QuerySelector("[data-testid=framework-principal]")!.TextContent);
        Assert.Equal("1.5 cpus, 1 GB", row.QuerySelector("[data-testid=framework-allocated]")!.TextContent);
        var tasks = row.QuerySelector("[data-testid=framework-tasks]")!;
        Assert.Equal(("2 / 1", "tasks?framework=f1"), (tasks.TextContent, tasks.GetAttribute("href")));
        Assert.Equal("why?framework=f1", row.QuerySelector("[data-testid=framework-why]")!.GetAttribute("href"));
        Assert.Equal("frameworks/f1", row.QuerySelector("[data-testid=framework-name]")!.GetAttribute("href"));
    }

    [Fact]
    public void Frameworks_WebUi_OpensInANewTabWithoutOpenerAndOnlyForHttp()
    {
        Feed.Publish(ThreeFrameworks().Build());

        var page = Render<FrameworksPage>();

        var link = page.Find("[data-testid=framework-row][data-framework=f1] [data-testid=framework-webui]");
        Assert.Equal("http://marathon.example:8080/", link.GetAttribute("href"));
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Contains("noopener", link.GetAttribute("rel")!.Split(' '));
        // A javascript: URL from a framework is never made clickable.
        Assert.Empty(page.FindAll("[data-testid=framework-row][data-framework=f3] [data-testid=framework-webui]"));
        Assert.DoesNotContain("javascript:", page.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Frameworks_HostileName_IsShownAsText()
    {
        Feed.Publish(new SnapshotBuilder().Framework("f1", "<img src=x onerror=alert(1)>").Build());

        var page = Render<FrameworksPage>();

        Assert.Equal("<img src=x onerror=alert(1)>", page.Find("[data-testid=framework-name]").TextContent);
        Assert.Empty(page.FindAll("img"));
    }

    [Fact]
    public void Frameworks_FrameworkTornDown_MovesToCompletedAfterTheRenderInterval()
    {
        Feed.Publish(new SnapshotBuilder().Framework("f1", "batch").Build());
        var page = Render<FrameworksPage>();
        Assert.Single(page.FindAll("[data-testid=frameworks-active] [data-testid=framework-row]"));

        Feed.Publish(new SnapshotBuilder().Framework("f1", "batch", FrameworkStatus.Completed).Build());
        Time.Advance(TimeSpan.FromMilliseconds(100));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=frameworks-completed] [data-testid=framework-row]")));
        Assert.Empty(page.FindAll("[data-testid=frameworks-active]"));
    }

    [Fact]
    public void FrameworkDetail_Framework_ShowsItsFieldsTaskCountsByStateAndLinks()
    {
        Feed.Publish(ThreeFrameworks().Build());

        var page = Render<FrameworkDetailPage>(p => p.Add(x => x.FrameworkId, "f1"));

        Assert.Equal("marathon", page.Find("[data-testid=framework-name]").TextContent);
        Assert.Equal("active", page.Find("[data-testid=framework-status]").TextContent);
        Assert.Equal("2 live, 1 done", page.Find("[data-testid=framework-tasks]").TextContent);
        Assert.Equal(["TASK_STAGING: 1", "TASK_RUNNING: 1", "TASK_FAILED: 1"],
            page.FindAll("[data-testid=framework-state-count]").Select(c => c.TextContent.Trim()));
        Assert.Equal("noopener noreferrer", page.Find("[data-testid=framework-webui]").GetAttribute("rel"));
        Assert.Equal("why?framework=f1", page.Find("[data-testid=framework-why]").GetAttribute("href"));
    }

    [Fact]
    public void FrameworkDetail_TimeToggle_ShowsRegistrationRelativeToTheClock()
    {
        Feed.Publish(ThreeFrameworks().Build());
        var page = Render<FrameworkDetailPage>(p => p.Add(x => x.FrameworkId, "f1"));
        Assert.Contains(page.FindAll("[data-testid=time]"), t => t.TextContent == "2026-11-25 20:00:00 UTC");

        page.Find("input[data-testid=time-toggle]").Change(true);

        // The test clock stands at 20:20.
        Assert.Contains(page.FindAll("[data-testid=time]"), t => t.TextContent == "20 min ago");
    }
}
