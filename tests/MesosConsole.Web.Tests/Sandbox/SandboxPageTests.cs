using Bunit;
using MesosConsole.Web.Components.Pages.Sandbox;
using MesosConsole.Web.Model;
using MesosConsole.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace MesosConsole.Web.Tests.Sandbox;

/// <summary>The sandbox page on fakes: finding the sandbox, listing and navigating it, and links.</summary>
public sealed class SandboxPageTests : SandboxComponentTest
{
    private IRenderedComponent<SandboxPage> RenderAt(string uri)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        return Render<SandboxPage>();
    }

    private static List<string> Names(IRenderedComponent<SandboxPage> page) =>
        [.. page.FindAll("[data-testid=sandbox-entry] td:first-child").Select(td => td.TextContent.Trim())];

    [Fact]
    public void SandboxPage_RunningTask_ListsItsSandboxWithSizeModeAndTime()
    {
        Agent.Append(Directory + "/stdout", "hello-from-real-mesos\n");

        var page = RenderAt(ConsoleLinks.SandboxOf(Key));

        page.WaitForAssertion(() => Assert.Equal(["work", "stderr", "stdout"], Names(page)));
        var stdout = page.FindAll("[data-testid=sandbox-entry]")[2];
        Assert.Equal("22 B", stdout.QuerySelector("[data-testid=sandbox-size]")!.TextContent);
        Assert.Equal("-rw-r--r--", stdout.QuerySelector("[data-testid=sandbox-mode]")!.TextContent);
        Assert.Equal("2026-11-25 20:20:12", stdout.QuerySelector("[data-testid=sandbox-mtime]")!.TextContent);
        Assert.Contains("sandbox/download?cluster=default", stdout.QuerySelector("[data-testid=sandbox-download]")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void SandboxPage_ClickFolder_ListsItThenTheBreadcrumbLeadsBack()
    {
        var page = RenderAt(ConsoleLinks.SandboxOf(Key));
        page.WaitForAssertion(() => Assert.Contains("work", Names(page)));

        page.Find("[data-testid=sandbox-folder]").Click();
        page.WaitForAssertion(() => Assert.Equal(["result.txt"], Names(page)));
        Assert.Equal("work", page.Find("[data-testid=sandbox-crumb-current]").TextContent);

        page.Find("[data-testid=sandbox-crumb]").Click();
        page.WaitForAssertion(() => Assert.Equal(["work", "stderr", "stdout"], Names(page)));
    }

    [Fact]
    public void SandboxPage_RunningTask_TailsItsStdoutLive()
    {
        Agent.Append(Directory + "/stdout", "first\n");
        var page = RenderAt(ConsoleLinks.SandboxOf(Key));
        page.WaitForAssertion(() => Assert.Equal(["first"], page.FindAll("[data-testid=log-line]").Select(l => l.TextContent)));

        Agent.Append(Directory + "/stdout", "second\n");
        Time.Advance(PollInterval);

        page.WaitForAssertion(() => Assert.Equal(["first", "second"], page.FindAll("[data-testid=log-line]").Select(l => l.TextContent)));
    }

    [Fact]
    public void SandboxPage_Task_LinksBackToTheTaskPage()
    {
        var page = RenderAt(ConsoleLinks.SandboxOf(Key));

        Assert.Equal(ConsoleLinks.Task(Key), page.Find("[data-testid=sandbox-task-link]").GetAttribute("href"));
    }

    [Fact]
    public void SandboxPage_TaskTheMasterDoesNotKnow_SaysSo()
    {
        var page = RenderAt(ConsoleLinks.SandboxOf(new MesosConsole.Mesos.State.TaskKey(FrameworkId, "ghost")));

        page.WaitForAssertion(() => Assert.Contains("does not know task \"ghost\"", page.Find("[data-testid=sandbox-locate-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void SandboxPage_MalformedTaskQuery_SaysWhatItExpected()
    {
        var page = RenderAt("sandbox?task=no-slash");

        Assert.Contains("expected task=<frameworkId>/<taskId>", page.Find("[data-testid=sandbox-bad-query]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void SandboxPage_NoTask_OffersTheClustersTasks()
    {
        var page = RenderAt("sandbox");

        var link = page.Find("[data-testid=sandbox-task-list] a");
        Assert.Equal(ConsoleLinks.SandboxOf(Key), link.GetAttribute("href"));
    }

    [Fact]
    public void SandboxPage_SeveralTasks_ShowsOneMergedLogWithAPrefixPerTask()
    {
        var other = new MesosConsole.Mesos.State.TaskKey(FrameworkId, "t2");
        Feed.Publish(Mock.Snapshot(Mock.State(activeAgents: 1, frameworks: 1,
            tasks: [Mock.Task(Mesos.V1.TaskState.TaskRunning, TaskId), Mock.Task(Mesos.V1.TaskState.TaskRunning, "t2")])));
        Agent.StateJson = $$"""
            {"frameworks":[{"id":"{{FrameworkId}}","executors":[
              {"id":"t1","directory":"{{Directory}}","tasks":[{"id":"t1"}]},
              {"id":"t2","directory":"/w/t2","tasks":[{"id":"t2"}]}]}]}
            """;
        Agent.Append(Directory + "/stdout", "rank zero\n");
        Agent.Append("/w/t2/stdout", "rank one\n");

        var page = RenderAt(ConsoleLinks.SandboxOf(Key, other));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=log-line]")));
        Time.Advance(Components.Sandbox.LogView.RenderInterval);

        page.WaitForAssertion(() => Assert.Equal(["[t1] rank zero", "[t2] rank one"],
            page.FindAll("[data-testid=log-line]").Select(l => l.TextContent).Order()));
        Assert.Empty(page.FindAll("[data-testid=sandbox-listing]"));
    }
}
