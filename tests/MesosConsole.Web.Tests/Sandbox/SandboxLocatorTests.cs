using System.Collections.Immutable;
using System.Text.Json;
using MesosConsole.Mesos.State;
using MesosConsole.Mesos.V1;
using MesosConsole.Web.Sandbox;

namespace MesosConsole.Web.Tests.Sandbox;

/// <summary>Finding a task's sandbox in an agent's /state, shaped like the real-agent capture.</summary>
public sealed class SandboxLocatorTests
{
    private static TaskView Task(string id, string? executorId = null) =>
        new(new TaskKey("fw-0000", id), id, "agent-S0", executorId, TaskState.TaskRunning, ResourceSummary.Empty, []);

    private static JsonElement State(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void Find_CommandTask_IsTheDirectoryOfTheExecutorNamedAfterIt()
    {
        var state = State("""
            {"frameworks":[{"id":"fw-0000","executors":[
              {"id":"other","directory":"/w/other","tasks":[{"id":"other"}]},
              {"id":"sleeper","directory":"/w/sleeper/runs/c1","tasks":[{"id":"sleeper"}]}]}]}
            """);

        Assert.Equal("/w/sleeper/runs/c1", SandboxLocator.Find(state, Task("sleeper")));
    }

    [Fact]
    public void Find_FinishedTaskOfACompletedFramework_IsFoundThere()
    {
        var state = State("""
            {"frameworks":[],"completed_frameworks":[{"id":"fw-0000","executors":[],"completed_executors":[
              {"id":"done","directory":"/w/done","tasks":[],"completed_tasks":[{"id":"done"}]}]}]}
            """);

        Assert.Equal("/w/done", SandboxLocator.Find(state, Task("done")));
    }

    [Fact]
    public void Find_TaskOfATaskGroup_IsUnderItsExecutorsTasksFolder()
    {
        var state = State("""
            {"frameworks":[{"id":"fw-0000","executors":[
              {"id":"default-exec","type":"DEFAULT","directory":"/w/exec","tasks":[{"id":"rank-0"},{"id":"rank-1"}]}]}]}
            """);

        Assert.Equal("/w/exec/tasks/rank-1", SandboxLocator.Find(state, Task("rank-1", "default-exec")));
    }

    [Fact]
    public void Find_TaskNotOnTheAgent_IsNull()
    {
        var state = State("""{"frameworks":[{"id":"fw-0000","executors":[]}]}""");

        Assert.Null(SandboxLocator.Find(state, Task("missing")));
    }

    [Fact]
    public void AgentAddress_FromHostnameAndPortOrElseThePid()
    {
        var agent = new AgentView("S0", "agent1.local", 5051, "slave(1)@10.0.0.5:5052", "1.11.0", true, false, null,
            ResourceSummary.Empty, ResourceSummary.Empty, ResourceSummary.Empty);

        Assert.Equal(new Uri("http://agent1.local:5051/"), AgentAddress.Of(agent));
        Assert.Equal(new Uri("http://10.0.0.5:5052/"), AgentAddress.Of(agent with { Hostname = null, Port = null }));
        Assert.Null(AgentAddress.Of(agent with { Hostname = null, Port = null, Pid = null }));
    }
}
