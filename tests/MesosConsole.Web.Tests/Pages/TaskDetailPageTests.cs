using Bunit;
using MesosConsole.Mesos.V1;
using MesosConsole.Web.Components.Pages.Tasks;
using MesosConsole.Web.Tests.Support;

namespace MesosConsole.Web.Tests.Pages;

/// <summary>One task's page: its timeline, the time toggle, copy buttons and links.</summary>
public sealed class TaskDetailPageTests : ConsoleComponentTest
{
    private static readonly DateTimeOffset T0 = SnapshotBuilder.Start;

    private static SnapshotBuilder FailedTask(string name = "render") => new SnapshotBuilder()
        .Agent("a1").Framework("f1", "batch")
        .Task("f1", "t1", "a1", TaskState.TaskFailed, name: name, executorId: "exec-7", timeline:
        [
            SnapshotBuilder.Step(TaskState.TaskStaging, T0, source: TaskStatusSource.SourceMaster),
            // Arrived late (a retried update), but happened before the failure.
            SnapshotBuilder.Step(TaskState.TaskFailed, T0.AddSeconds(90), TaskStatusReason.ReasonCommandExecutorFailed, "exit status 1"),
            SnapshotBuilder.Step(TaskState.TaskRunning, T0.AddSeconds(5), source: TaskStatusSource.SourceExecutor),
        ]);

    private IRenderedComponent<TaskDetailPage> RenderTask(string frameworkId = "f1", string taskId = "t1") =>
        Render<TaskDetailPage>(p => p.Add(x => x.FrameworkId, frameworkId).Add(x => x.TaskId, taskId));

    [Fact]
    public void TaskDetail_Timeline_ListsStatesInTimeOrderWithReasonsMessagesAndSources()
    {
        Feed.Publish(FailedTask().Build());

        var page = RenderTask();

        var steps = page.FindAll("[data-testid=timeline-step]");
        Assert.Equal(["TASK_STAGING", "TASK_RUNNING", "TASK_FAILED"], steps.Select(s => s.QuerySelector("[data-testid=task-state]")!.TextContent));
        Assert.Equal(["2026-11-25 20:00:00 UTC", "2026-11-25 20:00:05 UTC", "2026-11-25 20:01:30 UTC"],
            steps.Select(s => s.QuerySelector("[data-testid=time]")!.TextContent));
        Assert.Equal("REASON_COMMAND_EXECUTOR_FAILED", steps[2].QuerySelector("[data-testid=reason]")!.TextContent);
        Assert.Equal("exit status 1", steps[2].QuerySelector("[data-testid=message]")!.TextContent);
        Assert.Equal(["SOURCE_MASTER", "SOURCE_EXECUTOR", "SOURCE_EXECUTOR"], steps.Select(s => s.QuerySelector("[data-testid=source]")!.TextContent));
    }

    [Fact]
    public void TaskDetail_TimeToggle_ShowsTimesRelativeToTheInjectedClock()
    {
        Feed.Publish(FailedTask().Build());
        var page = RenderTask();

        page.Find("input[data-testid=time-toggle]").Change(true);
        // The test clock stands at 20:20:00.
        Assert.Equal(["20 min ago", "19 min ago", "18 min ago"], page.FindAll("[data-testid=timeline-step] [data-testid=time]").Select(t => t.TextContent));

        page.Find("input[data-testid=time-toggle]").Change(false);
        Assert.Equal("2026-11-25 20:00:00 UTC", page.Find("[data-testid=timeline-step] [data-testid=time]").TextContent);
    }

    [Fact]
    public void TaskDetail_ClockLater_RelativeTimesFollowTheInjectedClock()
    {
        Feed.Publish(FailedTask().Build());
        Time.Advance(TimeSpan.FromHours(2));
        var page = RenderTask();

        page.Find("input[data-testid=time-toggle]").Change(true);

        Assert.Equal("2 h ago", page.Find("[data-testid=timeline-step] [data-testid=time]").TextContent);
    }

    [Fact]
    public void TaskDetail_CopyButtons_WriteTheIdsToTheClipboard()
    {
        Feed.Publish(FailedTask().Build());
        var page = RenderTask();

        page.Find("[data-testid=copy-task-id]").Click();
        page.Find("[data-testid=copy-framework-id]").Click();

        Assert.Equal(["t1", "f1"], JSInterop.VerifyInvoke("navigator.clipboard.writeText", calledTimes: 2).Select(i => i.Arguments.Single()));
    }

    [Fact]
    public void TaskDetail_Task_LinksToSandboxFrameworkAndAgent()
    {
        Feed.Publish(FailedTask().Build());

        var page = RenderTask();

        Assert.Equal("sandbox?task=f1/t1", page.Find("[data-testid=sandbox-link]").GetAttribute("href"));
        Assert.Equal("frameworks/f1", page.Find("[data-testid=framework-link]").GetAttribute("href"));
        Assert.Equal("agents/a1", page.Find("[data-testid=agent-link]").GetAttribute("href"));
        Assert.Equal("exec-7", page.Find("[data-testid=executor-id]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=why-link]"));
    }

    [Fact]
    public void TaskDetail_StagingTask_LinksToWhyItIsNotRunning()
    {
        Feed.Publish(new SnapshotBuilder().Agent("a1").Framework("f1", "batch").Task("f1", "t1", "a1", TaskState.TaskStaging).Build());

        var page = RenderTask();

        Assert.Equal("why?framework=f1&task=t1", page.Find("[data-testid=why-link]").GetAttribute("href"));
    }

    [Fact]
    public void TaskDetail_HostileName_IsShownAsText()
    {
        Feed.Publish(FailedTask("<img src=x onerror=alert(1)>").Build());

        var page = RenderTask();

        Assert.Equal("<img src=x onerror=alert(1)>", page.Find("[data-testid=task-name]").TextContent);
        Assert.Empty(page.FindAll("img"));
    }

    [Fact]
    public void TaskDetail_NewStatus_AppearsOnTheTimelineAfterTheRenderInterval()
    {
        var cluster = new SnapshotBuilder().Agent("a1").Framework("f1", "batch");
        Feed.Publish(cluster.Task("f1", "t1", "a1", TaskState.TaskStaging, timeline: [SnapshotBuilder.Step(TaskState.TaskStaging, T0)]).Build());
        var page = RenderTask();
        Assert.Single(page.FindAll("[data-testid=timeline-step]"));

        Feed.Publish(cluster.Task("f1", "t1", "a1", TaskState.TaskRunning, timeline:
            [SnapshotBuilder.Step(TaskState.TaskStaging, T0), SnapshotBuilder.Step(TaskState.TaskRunning, T0.AddSeconds(2))]).Build());
        Time.Advance(TimeSpan.FromMilliseconds(100));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=timeline-step]").Count));
        Assert.Empty(page.FindAll("[data-testid=why-link]"));
    }

    [Fact]
    public void TaskDetail_UnknownTask_SaysSo()
    {
        Feed.Publish(FailedTask().Build());

        var page = RenderTask(taskId: "nope");

        Assert.Contains("no task nope in framework f1", page.Find("[data-testid=task-not-found]").TextContent);
    }
}
