using System.Net.Http.Headers;
using MesosConsole.Mesos.Protobuf;
using MesosConsole.Mesos.V1.Master;

namespace MesosConsole.Interop.Tests;

/// <summary>
/// mesos-go 0.0.6 with its default codec, protobuf (<c>application/x-protobuf</c>): the scheduler
/// client runs tasks to the end, and the operator client decodes the GET_* answers, the SUBSCRIBED
/// snapshot and a HEARTBEAT, and an agent's own operator API.
/// </summary>
[Collection(MesosGoCollection.Name)]
public sealed class MesosGoProtobufTests(MesosGoFixture fixture)
{
    private const string Protobuf = "protobuf";
    private const int Tasks = 5;

    [Fact]
    public async Task The_scheduler_runs_tasks_to_TASK_FINISHED_and_acknowledges_every_update()
    {
        var run = await fixture.RunSchedulerAsync(Tasks, null, TestContext.Current.CancellationToken, Protobuf);

        Assert.True(run.TornDown);
        Assert.Equal(Enumerable.Range(0, Tasks).Select(i => $"task-{i}"), run.Tasks.Select(t => t.Id));
        for (var i = 0; i < Tasks; i++)
        {
            var task = run.Tasks[i];
            Assert.True(task.State == "TASK_FINISHED", $"{task.Id} ended {task.State} ({task.Reason}: {task.Message})");
            // TASK_STARTING is enum value 0: proto2 must still write it, or mesos-go drops the update.
            Assert.Equal(["TASK_STARTING", "TASK_RUNNING", "TASK_FINISHED"], task.States);
            Assert.Equal($"hello-from-task-{i}\n", task.Stdout);
        }

        Assert.Equal(run.Tasks.Sum(t => t.States.Count), run.Acknowledged);
    }

    [Fact]
    public async Task A_failing_command_reports_its_reason()
    {
        var run = await fixture.RunSchedulerAsync(1, "exit 3", TestContext.Current.CancellationToken, Protobuf);

        var task = Assert.Single(run.Tasks);
        Assert.Equal("TASK_FAILED", task.State);
        // REASON_COMMAND_EXECUTOR_FAILED is enum value 0 as well.
        Assert.Equal("REASON_COMMAND_EXECUTOR_FAILED", task.Reason);
    }

    [Fact]
    public async Task The_operator_client_decodes_answers_the_subscribed_snapshot_and_a_heartbeat()
    {
        var op = await fixture.RunOperatorAsync(TestContext.Current.CancellationToken, Protobuf);

        Assert.True(op.Healthy);
        Assert.False(string.IsNullOrWhiteSpace(op.Version));
        Assert.Equal($"master@127.0.0.1:{fixture.MasterUrl.Port}", op.Master.Pid);
        Assert.Equal((uint)fixture.MasterUrl.Port, op.Master.Port);
        Assert.Equal(2, (op.Agents ?? []).Count);
        Assert.All(op.Agents!, a => Assert.True(a.Active));
        Assert.Equal(2, op.State.Agents);
        Assert.Equal(1, op.Metrics.GetValueOrDefault("master/elected"));

        Assert.NotNull(op.Subscribed);
        Assert.Equal(2, op.Subscribed.Agents);
        Assert.True(op.Heartbeat, "the record after SUBSCRIBED was not decoded as HEARTBEAT");

        Assert.NotNull(op.Agent);
        Assert.True(op.Agent.Healthy);
        Assert.False(string.IsNullOrWhiteSpace(op.Agent.Version));
    }

    [Fact]
    public async Task The_operator_client_sees_a_protobuf_framework_and_its_tasks()
    {
        var run = await fixture.RunSchedulerAsync(2, null, TestContext.Current.CancellationToken, Protobuf);

        var op = await fixture.RunOperatorAsync(TestContext.Current.CancellationToken, Protobuf);

        var framework = Assert.Single(op.Frameworks ?? [], f => f.Id == run.FrameworkId);
        Assert.True(framework.Completed);
        var tasks = (op.Tasks ?? []).Where(t => t.FrameworkId == run.FrameworkId).OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(["task-0", "task-1"], tasks.Select(t => t.Id));
        Assert.All(tasks, t => Assert.Equal("TASK_FINISHED", t.State));
    }

    [Theory]
    [InlineData("application/x-protobuf", "application/x-protobuf")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/x-protobuf, application/json", "application/json")] // JSON wins when both are accepted
    [InlineData(null, "application/json")]
    public async Task A_protobuf_call_is_answered_in_the_accepted_codec(string? accept, string expectedType)
    {
        using var http = new HttpClient { BaseAddress = fixture.MasterUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1")
        {
            Content = new ByteArrayContent(MesosProtobuf.Serialize(new Call { Type = CallType.GetHealth })),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
        // Exactly the media type, no charset: mesos-go compares the header with ==.
        Assert.Equal(expectedType, response.Content.Headers.GetValues("Content-Type").Single());
        var answer = expectedType == "application/json"
            ? Mesos.Json.MesosJson.Deserialize<Response>(body)!
            : MesosProtobuf.Deserialize<Response>(body);
        Assert.Equal(ResponseType.GetHealth, answer.Type);
        Assert.True(answer.GetHealth!.Healthy);
    }
}
