using Bunit;
using MesosConsole.Mesos.V1;
using MesosConsole.Web.Components.Pages.Agents;
using MesosConsole.Web.Tests.Support;

namespace MesosConsole.Web.Tests.Pages;

/// <summary>One agent's page: agent → its frameworks → executors → tasks → sandbox.</summary>
public sealed class AgentDetailPageTests : ConsoleComponentTest
{
    [Fact]
    public void AgentDetail_TasksOfTwoFrameworks_GroupsThemByFrameworkThenExecutorWithSandboxLinks()
    {
        Feed.Publish(new SnapshotBuilder()
            .Agent("a1", attributes: "rack:r1").Agent("a2", port: 5052)
            .Framework("f1", "batch").Framework("f2", "marathon")
            .Task("f1", "t1", "a1", TaskState.TaskRunning, executorId: "exec-1")
            .Task("f1", "t2", "a1", TaskState.TaskRunning, executorId: "exec-1")
            .Task("f2", "m1", "a1", TaskState.TaskStaging)
            .Task("f2", "elsewhere", "a2", TaskState.TaskRunning)
            .Task("f2", "old", "a1", TaskState.TaskFinished)
            .Build());

        var page = Render<AgentDetailPage>(p => p.Add(x => x.AgentId, "a1"));

        Assert.Equal("127.0.0.1:5051", page.Find("[data-testid=agent-address]").TextContent);
        Assert.Equal("rack:r1", page.Find("[data-testid=agent-attributes]").TextContent);
        var frameworks = page.FindAll("[data-testid=agent-framework]");
        Assert.Equal(["batch", "marathon"], frameworks.Select(f => f.QuerySelector("[data-testid=framework-link]")!.TextContent));
        Assert.Equal("Executor: exec-1", frameworks[0].QuerySelector("[data-testid=executor]")!.TextContent);
        Assert.Equal("Executor: command executor", frameworks[1].QuerySelector("[data-testid=executor]")!.TextContent);
        Assert.Equal(["sandbox?task=f1/t1", "sandbox?task=f1/t2", "sandbox?task=f2/m1"],
            page.FindAll("[data-testid=sandbox-link]").Select(a => a.GetAttribute("href")));
        Assert.Equal("tasks/f1/t1", page.Find("[data-testid=task-link]").GetAttribute("href"));
        Assert.Equal("tasks?agent=a1&state=terminal", page.Find("[data-testid=terminal-tasks]").GetAttribute("href"));
    }

    [Fact]
    public void AgentDetail_CopyId_WritesTheAgentIdToTheClipboard()
    {
        Feed.Publish(new SnapshotBuilder().Agent("e86c-S0").Build());
        var page = Render<AgentDetailPage>(p => p.Add(x => x.AgentId, "e86c-S0"));

        page.Find("[data-testid=copy-agent-id]").Click();

        Assert.Equal("e86c-S0", JSInterop.VerifyInvoke("navigator.clipboard.writeText").Arguments.Single());
    }

    [Fact]
    public void AgentDetail_UnknownAgent_SaysSo()
    {
        Feed.Publish(new SnapshotBuilder().Agent("a1").Build());

        var page = Render<AgentDetailPage>(p => p.Add(x => x.AgentId, "gone"));

        Assert.Contains("no registered agent with id gone", page.Find("[data-testid=agent-not-found]").TextContent);
    }
}
