namespace MesosConsole.Interop.Tests;

/// <summary>
/// mesos-go 0.0.6's v1 scheduler client (httpsched, JSON codec, its own ack rule) runs command tasks
/// on the embedded cluster and reads their stdout back through the agents' files API.
/// </summary>
[Collection(MesosGoCollection.Name)]
public sealed class MesosGoSchedulerTests(MesosGoFixture fixture)
{
    private static readonly string[] CommandTaskLifecycle = ["TASK_STARTING", "TASK_RUNNING", "TASK_FINISHED"];

    [Fact]
    public async Task Twenty_tasks_all_finish_and_each_stdout_is_exactly_its_own_line()
    {
        var run = await fixture.HelloRun;

        Assert.False(string.IsNullOrWhiteSpace(run.FrameworkId));
        Assert.True(run.TornDown);
        Assert.Equal(Enumerable.Range(0, MesosGoFixture.HelloTasks).Select(i => $"task-{i}"), run.Tasks.Select(t => t.Id));
        for (var i = 0; i < run.Tasks.Count; i++)
        {
            var task = run.Tasks[i];
            Assert.True(task.State == "TASK_FINISHED", $"{task.Id} ended {task.State} ({task.Reason}: {task.Message})");
            Assert.Equal(CommandTaskLifecycle, task.States);
            Assert.Equal($"hello-from-task-{i}\n", task.Stdout);
            Assert.False(string.IsNullOrEmpty(task.AgentId));
        }

        // Every update came with a uuid and mesos-go acknowledged it; none was delivered twice.
        Assert.Equal(run.Tasks.Sum(t => t.States.Count), run.Acknowledged);
        Assert.True(run.Offers >= 1);
    }

    [Fact]
    public async Task A_command_exiting_3_ends_TASK_FAILED()
    {
        var run = await fixture.RunSchedulerAsync(1, "exit 3", TestContext.Current.CancellationToken);

        var task = Assert.Single(run.Tasks);
        Assert.Equal("TASK_FAILED", task.State);
        Assert.Equal("TASK_FAILED", task.States[^1]);
        Assert.DoesNotContain("TASK_FINISHED", task.States);
        Assert.Equal("REASON_COMMAND_EXECUTOR_FAILED", task.Reason);
        Assert.Equal("", task.Stdout);
        Assert.Equal(task.States.Count, run.Acknowledged);
    }

    [Fact]
    public async Task Stdout_holds_only_what_the_task_wrote_to_stdout()
    {
        var run = await fixture.RunSchedulerAsync(2, "echo out-%d; echo err-%d >&2; printf 'second line %d\\n'",
            TestContext.Current.CancellationToken);

        Assert.Equal(2, run.Tasks.Count);
        Assert.All(run.Tasks, t => Assert.Equal("TASK_FINISHED", t.State));
        Assert.Equal("out-0\nsecond line 0\n", run.Tasks[0].Stdout);
        Assert.Equal("out-1\nsecond line 1\n", run.Tasks[1].Stdout);
    }
}
