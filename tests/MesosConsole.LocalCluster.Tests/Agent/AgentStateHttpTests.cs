using System.Net;
using System.Text.Json;

namespace MesosConsole.LocalCluster.Tests.Agent;

/// <summary>/state, /health, /version and /metrics/snapshot on an agent.</summary>
[Collection(AgentHttpCollection.Name)]
public sealed class AgentStateHttpTests(AgentHttpFixture fixture)
{
    [Fact]
    public async Task State_WithRunningAndFinishedTasks_ListsExecutorsWithTheirSandboxes()
    {
        var state = await fixture.GetJsonAsync("/state");

        Assert.Equal(fixture.Test.Agent.Id.Value, state.GetProperty("id").GetString());
        Assert.Equal($"slave(1)@127.0.0.1:{fixture.Test.Agent.Port}", state.GetProperty("pid").GetString());
        Assert.Equal("1.11.1", state.GetProperty("version").GetString());
        Assert.Equal(4.0, state.GetProperty("resources").GetProperty("cpus").GetDouble());
        var framework = state.GetProperty("frameworks").EnumerateArray().Single();
        Assert.Equal(TestAgent.FrameworkId.Value, framework.GetProperty("id").GetString());

        var running = framework.GetProperty("executors").EnumerateArray().Single();
        Assert.Equal(AgentHttpFixture.RunningTask, running.GetProperty("id").GetString());
        Assert.Equal("Command Executor (Task: sleeper-1) (Command: sh -c 'sleep 1000')", running.GetProperty("name").GetString());
        Assert.True(Directory.Exists(running.GetProperty("directory").GetString()));
        var runningTask = running.GetProperty("tasks").EnumerateArray().Single();
        Assert.Equal("TASK_RUNNING", runningTask.GetProperty("state").GetString());
        Assert.Equal("", runningTask.GetProperty("executor_id").GetString());
        Assert.Equal(0.5, runningTask.GetProperty("resources").GetProperty("cpus").GetDouble());
        Assert.Equal(["TASK_STARTING", "TASK_RUNNING"],
            runningTask.GetProperty("statuses").EnumerateArray().Select(s => s.GetProperty("state").GetString()));

        var finished = framework.GetProperty("completed_executors").EnumerateArray().Single();
        Assert.Equal(fixture.RunDirectory, finished.GetProperty("directory").GetString());
        Assert.Equal(0, finished.GetProperty("tasks").GetArrayLength());
        Assert.Equal("TASK_FINISHED", finished.GetProperty("completed_tasks")[0].GetProperty("state").GetString());
    }

    [Fact]
    public async Task State_UnderProcessIdPath_IsTheSameDocument()
    {
        var prefixed = await fixture.GetJsonAsync("/slave(1)/state");

        Assert.Equal(fixture.Test.Agent.Id.Value, prefixed.GetProperty("id").GetString());
        Assert.Single(prefixed.GetProperty("frameworks").EnumerateArray());
    }

    [Fact]
    public async Task Health_Is200WithEmptyBodyAndNoContentType()
    {
        using var response = await fixture.Client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Version_HasTheShapeOfTheRealVersionEndpoint()
    {
        var version = await fixture.GetJsonAsync("/version");

        Assert.Equal(["build_date", "build_time", "build_user", "version"], version.EnumerateObject().Select(p => p.Name));
        Assert.Equal("1.11.1", version.GetProperty("version").GetString());
        Assert.Equal(JsonValueKind.Number, version.GetProperty("build_time").ValueKind);
    }

    [Fact]
    public async Task MetricsSnapshot_CountsTasksAndResourcesInUse()
    {
        var metrics = await fixture.GetJsonAsync("/metrics/snapshot");

        Assert.Equal(1, metrics.GetProperty("slave/tasks_running").GetDouble());
        Assert.Equal(1, metrics.GetProperty("slave/tasks_finished").GetDouble());
        Assert.Equal(0, metrics.GetProperty("slave/tasks_failed").GetDouble());
        Assert.Equal(4, metrics.GetProperty("slave/cpus_total").GetDouble());
        Assert.Equal(0.5, metrics.GetProperty("slave/cpus_used").GetDouble());
        Assert.Equal(1, metrics.GetProperty("slave/registered").GetDouble());
    }
}
