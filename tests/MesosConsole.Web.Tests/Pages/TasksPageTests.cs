using Bunit;
using MesosConsole.Mesos.V1;
using MesosConsole.Web.Components.Pages.Tasks;
using MesosConsole.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace MesosConsole.Web.Tests.Pages;

/// <summary>The Tasks page: filters from the URL and the controls, search, sorting, pages, live updates.</summary>
public sealed class TasksPageTests : ConsoleComponentTest
{
    private static SnapshotBuilder Tasks() => new SnapshotBuilder()
        .Agent("a1", port: 5051).Agent("a2", port: 5052)
        .Framework("f1", "batch").Framework("f2", "marathon")
        .Task("f1", "job-1", "a1", TaskState.TaskRunning, name: "render frame 1",
            timeline: [SnapshotBuilder.Step(TaskState.TaskRunning, SnapshotBuilder.Start.AddMinutes(3))])
        .Task("f1", "job-2", "a2", TaskState.TaskFinished, name: "render frame 2",
            timeline: [SnapshotBuilder.Step(TaskState.TaskFinished, SnapshotBuilder.Start.AddMinutes(1))])
        .Task("f2", "web-1", "a2", TaskState.TaskStaging, name: "web server",
            timeline: [SnapshotBuilder.Step(TaskState.TaskStaging, SnapshotBuilder.Start.AddMinutes(2))])
        .Task("f2", "web-0", "a1", TaskState.TaskFailed, name: "web server (old)",
            timeline: [SnapshotBuilder.Step(TaskState.TaskFailed, SnapshotBuilder.Start)]);

    private IRenderedComponent<TasksPage> RenderAt(string url)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return Render<TasksPage>();
    }

    private static List<string> Ids(IRenderedComponent<TasksPage> page) =>
        page.FindAll("[data-testid=task-id]").Select(c => c.TextContent).ToList();

    [Fact]
    public void Tasks_NoFilter_ListsEveryTaskNewestUpdateFirst()
    {
        Feed.Publish(Tasks().Build());

        var page = RenderAt("tasks");

        Assert.Equal(["job-1", "web-1", "job-2", "web-0"], Ids(page));
        Assert.Equal("4 of 4 tasks", page.Find("[data-testid=task-count]").TextContent);
    }

    [Theory]
    [InlineData("tasks?state=active", new[] { "job-1", "web-1" })]
    [InlineData("tasks?state=terminal", new[] { "job-2", "web-0" })]
    [InlineData("tasks?state=TASK_STAGING", new[] { "web-1" })]
    [InlineData("tasks?framework=f2", new[] { "web-1", "web-0" })]
    [InlineData("tasks?agent=a2", new[] { "web-1", "job-2" })]
    [InlineData("tasks?agent=127.0.0.1:5051", new[] { "job-1", "web-0" })]
    [InlineData("tasks?framework=f1&agent=a1&state=active", new[] { "job-1" })]
    public void Tasks_FilterInTheUrl_ShowsOnlyMatchingTasks(string url, string[] expected)
    {
        Feed.Publish(Tasks().Build());

        var page = RenderAt(url);

        Assert.Equal(expected, Ids(page));
    }

    [Fact]
    public void Tasks_UnknownStateInTheUrl_SaysWhichStatesExist()
    {
        Feed.Publish(Tasks().Build());

        var page = RenderAt("tasks?state=TASK_SLEEPING");

        Assert.Contains("\"TASK_SLEEPING\" is not a task state", page.Find("[data-testid=filter-problem]").TextContent);
        Assert.Empty(Ids(page));
    }

    [Fact]
    public void Tasks_StateButtonsAndSelects_FilterAndPutTheFilterInTheUrl()
    {
        Feed.Publish(Tasks().Build());
        var page = RenderAt("tasks");
        var navigation = Services.GetRequiredService<NavigationManager>();

        page.Find("[data-testid=state-terminal]").Click();
        Assert.Equal(["job-2", "web-0"], Ids(page));
        Assert.Contains("mud-button-filled", page.Find("[data-testid=state-terminal]").ClassName);
        Assert.DoesNotContain("mud-button-filled", page.Find("[data-testid=state-all]").ClassName);

        page.Find("[data-testid=framework-filter]").Change("f2");
        Assert.Equal(["web-0"], Ids(page));
        Assert.EndsWith("tasks?framework=f2&state=terminal", navigation.Uri);

        page.Find("[data-testid=state-filter]").Change("TASK_STAGING");
        Assert.Equal(["web-1"], Ids(page));

        page.Find("[data-testid=state-all]").Click();
        page.Find("[data-testid=agent-filter]").Change("a1");
        Assert.Equal(["web-0"], Ids(page));
    }

    [Theory]
    [InlineData("JOB-2", new[] { "job-2" })]
    [InlineData("web server", new[] { "web-1", "web-0" })]
    [InlineData("frame", new[] { "job-1", "job-2" })]
    public void Tasks_Search_MatchesIdOrNameIgnoringCase(string search, string[] expected)
    {
        Feed.Publish(Tasks().Build());
        var page = RenderAt("tasks");

        page.Find("input[data-testid=task-search]").Input(search);

        Assert.Equal(expected, Ids(page));
    }

    [Fact]
    public void Tasks_SortByName_OrdersAlphabeticallyThenReverses()
    {
        Feed.Publish(Tasks().Build());
        var page = RenderAt("tasks");

        page.Find("[data-testid=sort-name]").Click();
        Assert.Equal(["job-1", "job-2", "web-1", "web-0"], Ids(page));

        page.Find("[data-testid=sort-name]").Click();
        Assert.Equal(["web-0", "web-1", "job-2", "job-1"], Ids(page));
    }

    [Fact]
    public void Tasks_Row_LinksToTaskSandboxAndForStagingTasksToWhy()
    {
        Feed.Publish(Tasks().Build());
        var page = RenderAt("tasks");

        var staging = page.Find("[data-testid=task-row][data-task='f2/web-1']");
        Assert.Equal("tasks/f2/web-1", staging.QuerySelector("[data-testid=task-name]")!.GetAttribute("href"));
        Assert.Equal("sandbox?task=f2/web-1", staging.QuerySelector("[data-testid=sandbox-link]")!.GetAttribute("href"));
        Assert.Equal("why?framework=f2&task=web-1", staging.QuerySelector("[data-testid=why-link]")!.GetAttribute("href"));
        Assert.Single(page.FindAll("[data-testid=why-link]"));
    }

    [Fact]
    public void Tasks_HostileName_IsShownAsText()
    {
        const string hostile = "<img src=x onerror=alert(1)>";
        Feed.Publish(new SnapshotBuilder().Agent("a1").Framework("f1", hostile).Task("f1", "t1", "a1", TaskState.TaskRunning, name: hostile).Build());

        var page = RenderAt("tasks");

        Assert.Equal(hostile, page.Find("[data-testid=task-name]").TextContent);
        Assert.Empty(page.FindAll("img"));
    }

    [Fact]
    public void Tasks_ManyTasks_ShowsAPageAtATime()
    {
        var cluster = new SnapshotBuilder().Agent("a1").Framework("f1", "batch");
        for (var i = 0; i < 130; i++)
        {
            cluster.Task("f1", $"t{i:D3}", "a1", TaskState.TaskRunning);
        }

        Feed.Publish(cluster.Build());
        var page = RenderAt("tasks");
        page.Find("[data-testid=sort-id]").Click();

        Assert.Equal(50, Ids(page).Count);
        page.FindAll("[data-testid=tasks-pager] button").Single(b => b.TextContent.Trim() == "3").Click();
        Assert.Equal(["t100", "t129"], new[] { Ids(page)[0], Ids(page)[^1] });
    }

    [Fact]
    public void Tasks_TaskLaunchedLater_AppearsAfterTheRenderInterval()
    {
        Feed.Publish(Tasks().Build());
        var page = RenderAt("tasks?state=active");
        Assert.Equal(2, Ids(page).Count);

        Feed.Publish(Tasks().Task("f1", "job-3", "a1", TaskState.TaskStarting,
            timeline: [SnapshotBuilder.Step(TaskState.TaskStarting, SnapshotBuilder.Start.AddMinutes(5))]).Build());
        Time.Advance(TimeSpan.FromMilliseconds(100));

        page.WaitForAssertion(() => Assert.Equal(["job-3", "job-1", "web-1"], Ids(page)));
    }

    [Fact]
    public void Tasks_TimeToggle_SwitchesBetweenAbsoluteAndRelativeTimes()
    {
        Feed.Publish(Tasks().Build());
        var page = RenderAt("tasks?framework=f1&state=active");
        Assert.Equal("2026-11-25 20:03:00 UTC", page.Find("[data-testid=time]").TextContent);

        page.Find("input[data-testid=time-toggle]").Change(true);
        Assert.Equal("17 min ago", page.Find("[data-testid=time]").TextContent);
    }
}
