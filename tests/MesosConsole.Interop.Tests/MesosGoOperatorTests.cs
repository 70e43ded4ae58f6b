namespace MesosConsole.Interop.Tests;

/// <summary>
/// mesos-go 0.0.6's operator client (httpmaster, JSON codec) decodes the embedded master's
/// GET_* answers and the first record of its SUBSCRIBE stream.
/// </summary>
[Collection(MesosGoCollection.Name)]
public sealed class MesosGoOperatorTests(MesosGoFixture fixture)
{
    [Fact]
    public async Task Decodes_health_version_master_and_both_agents()
    {
        var op = await fixture.RunOperatorAsync(TestContext.Current.CancellationToken);
        var masterPort = fixture.MasterUrl.Port;

        Assert.True(op.Healthy);
        Assert.False(string.IsNullOrWhiteSpace(op.Version));
        Assert.False(string.IsNullOrWhiteSpace(op.Master.Id));
        Assert.Equal($"master@127.0.0.1:{masterPort}", op.Master.Pid);
        Assert.Equal((uint)masterPort, op.Master.Port);

        var agents = op.Agents ?? [];
        Assert.Equal(2, agents.Count);
        Assert.Equal(2, agents.Select(a => a.Id).Distinct().Count());
        Assert.All(agents, a =>
        {
            Assert.True(a.Active, $"agent {a.Id} is not active");
            Assert.False(string.IsNullOrWhiteSpace(a.Version));
            Assert.EndsWith($"@127.0.0.1:{a.Port}", a.Pid, StringComparison.Ordinal);
            Assert.StartsWith("slave(", a.Pid, StringComparison.Ordinal);
        });
        Assert.Equal(fixture.Cluster.AgentUrls.Select(u => u.Port).Order(), agents.Select(a => a.Port).Order());

        Assert.Equal(2, op.State.Agents);
        Assert.NotNull(op.Subscribed);
        Assert.Equal(2, op.Subscribed.Agents);

        Assert.Equal(1, op.Metrics.GetValueOrDefault("master/elected"));
        Assert.Equal(2, op.Metrics.GetValueOrDefault("master/slaves_active"));
    }

    [Fact]
    public async Task Sees_the_mesos_go_framework_and_its_finished_tasks()
    {
        var run = await fixture.HelloRun;

        var op = await fixture.RunOperatorAsync(TestContext.Current.CancellationToken);

        var framework = Assert.Single(op.Frameworks ?? [], f => f.Id == run.FrameworkId);
        Assert.Equal("mesos-go-interop", framework.Name);
        // The scheduler tore itself down, so Mesos lists it among the completed frameworks.
        Assert.True(framework.Completed, "the torn-down framework is not in completed_frameworks");
        Assert.False(framework.Active);

        var tasks = (op.Tasks ?? []).Where(t => t.FrameworkId == run.FrameworkId).OrderBy(t => int.Parse(t.Id["task-".Length..])).ToList();
        Assert.Equal(run.Tasks.Select(t => t.Id), tasks.Select(t => t.Id));
        Assert.All(tasks, t => Assert.Equal("TASK_FINISHED", t.State));
        Assert.Equal(run.Tasks.Select(t => t.AgentId), tasks.Select(t => t.AgentId));

        Assert.True(op.TaskStates.GetValueOrDefault("TASK_FINISHED") >= MesosGoFixture.HelloTasks);
        Assert.True(op.State.CompletedFrameworks >= 1);
        Assert.True(op.Metrics.GetValueOrDefault("master/tasks_finished") >= MesosGoFixture.HelloTasks);
    }
}
