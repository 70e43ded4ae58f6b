using MesosConsole.Mesos.V1;

namespace MesosConsole.LocalCluster.Tests.Agent;

/// <summary>Kill, framework shutdown and agent disposal stop whole process groups.</summary>
public sealed class LocalAgentKillTests
{
    [Fact]
    public async Task Kill_FrameworkWithKillingCapability_ReportsKillingThenKilledAndGroupIsGone()
    {
        await using var test = await TestAgent.CreateAsync();
        var framework = TestAgent.Framework(FrameworkCapabilityType.TaskKillingState);
        var running = await test.LaunchRunningAsync(TestAgent.ShellTask("sleep-1", "sleep 1000"), framework);

        test.Agent.Kill(TestAgent.FrameworkId, new TaskID("sleep-1"), gracePeriod: null);
        var killing = await test.Sink.NextAsync("sleep-1");
        var killed = await test.Sink.NextAsync("sleep-1");

        Assert.Equal(TaskState.TaskKilling, killing.State);
        Assert.Equal(TaskState.TaskKilled, killed.State);
        Assert.Equal(TaskStatusSource.SourceExecutor, killed.Source);
        Assert.Equal("Command terminated with signal Terminated", killed.Message);
        Assert.Empty(ProcessTable.RunningMembersOfGroup(running.ContainerStatus!.ExecutorPid!.Value));
        Assert.Empty(test.Agent.RunningTasks(TestAgent.FrameworkId));
    }

    [Fact]
    public async Task Kill_FrameworkWithoutKillingCapability_ReportsKilledOnly()
    {
        await using var test = await TestAgent.CreateAsync();
        await test.LaunchRunningAsync(TestAgent.ShellTask("sleep-2", "sleep 1000"));

        test.Agent.Kill(TestAgent.FrameworkId, new TaskID("sleep-2"), gracePeriod: null);

        Assert.Equal(TaskState.TaskKilled, (await test.Sink.NextAsync("sleep-2")).State);
    }

    [Fact]
    public async Task Kill_TaskIgnoringSigterm_IsSigkilledOnceGracePeriodElapses()
    {
        await using var test = await TestAgent.CreateAsync();
        using var ready = await FifoSignal.CreateAsync();
        var framework = TestAgent.Framework(FrameworkCapabilityType.TaskKillingState);
        var running = await test.LaunchRunningAsync(
            TestAgent.ShellTask("stubborn-1", $"trap '' TERM; echo trapped > {ready.Path}; sleep 1000"), framework);
        Assert.Equal("trapped\n", await ready.ReadAsync());

        test.Agent.Kill(TestAgent.FrameworkId, new TaskID("stubborn-1"), TimeSpan.FromSeconds(10));
        Assert.Equal(TaskState.TaskKilling, (await test.Sink.NextAsync("stubborn-1")).State);
        test.Time.Advance(TimeSpan.FromSeconds(10));
        var killed = await test.Sink.NextAsync("stubborn-1");

        Assert.Equal(TaskState.TaskKilled, killed.State);
        Assert.Equal("Command terminated with signal Killed", killed.Message);
        Assert.Empty(ProcessTable.RunningMembersOfGroup(running.ContainerStatus!.ExecutorPid!.Value));
    }

    [Fact]
    public async Task Kill_WithoutGracePeriod_UsesTaskKillPolicy()
    {
        await using var test = await TestAgent.CreateAsync(defaultGrace: TimeSpan.FromHours(1));
        using var ready = await FifoSignal.CreateAsync();
        var task = TestAgent.ShellTask("policy-1", $"trap '' TERM; echo trapped > {ready.Path}; sleep 1000");
        task.KillPolicy = new KillPolicy { GracePeriod = new DurationInfo { Nanoseconds = 2_000_000_000 } };
        await test.LaunchRunningAsync(task);
        await ready.ReadAsync();

        test.Agent.Kill(TestAgent.FrameworkId, new TaskID("policy-1"), gracePeriod: null);
        test.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("Command terminated with signal Killed", (await test.Sink.NextAsync("policy-1")).Message);
    }

    [Fact]
    public async Task Kill_TaskThatAlreadyFinished_KeepsItsOwnTerminalState()
    {
        await using var test = await TestAgent.CreateAsync();
        test.Agent.Launch(TestAgent.Framework(), TestAgent.ShellTask("done-1", "exit 4"));
        await test.Sink.UntilTerminalAsync("done-1");

        test.Agent.Kill(TestAgent.FrameworkId, new TaskID("done-1"), gracePeriod: null);
        test.Agent.Launch(TestAgent.Framework(), TestAgent.ShellTask("marker-1", "true"));
        await test.Sink.UntilTerminalAsync("marker-1");

        // The single outbox delivers in order: had the kill produced a status, it would be here by now.
        Assert.False(test.Sink.HasPending("done-1"));
    }

    [Fact]
    public async Task Kill_RightAfterLaunch_EndsKilledWhicheverStepItCaught()
    {
        await using var test = await TestAgent.CreateAsync();

        test.Agent.Launch(TestAgent.Framework(), TestAgent.ShellTask("early-1", "sleep 1000"));
        test.Agent.Kill(TestAgent.FrameworkId, new TaskID("early-1"), TimeSpan.Zero);
        var statuses = await test.Sink.UntilTerminalAsync("early-1");

        // Caught before the spawn, the agent reports it (SOURCE_AGENT, killed during launch); after, the executor does.
        Assert.Equal(TaskState.TaskKilled, statuses[^1].State);
        if (statuses.Count == 1)
        {
            Assert.Equal(TaskStatusReason.ReasonTaskKilledDuringLaunch, statuses[0].Reason);
        }
        else
        {
            Assert.Empty(ProcessTable.RunningMembersOfGroup(statuses[1].ContainerStatus!.ExecutorPid!.Value));
        }
    }

    [Fact]
    public async Task Launch_ForFrameworkBeingShutDown_IsLostWithoutRunning()
    {
        await using var test = await TestAgent.CreateAsync(defaultGrace: TimeSpan.FromSeconds(5));
        using var ready = await FifoSignal.CreateAsync();
        await test.LaunchRunningAsync(TestAgent.ShellTask("lingering-1", $"trap '' TERM; echo trapped > {ready.Path}; sleep 1000"));
        await ready.ReadAsync();
        test.Agent.ShutdownFramework(TestAgent.FrameworkId);

        test.Agent.Launch(TestAgent.Framework(), TestAgent.ShellTask("late-1", "true"));
        var late = await test.Sink.NextAsync("late-1");
        test.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(TaskState.TaskLost, late.State);
        Assert.Equal(TaskStatusReason.ReasonFrameworkRemoved, late.Reason);
        Assert.Equal(TaskStatusSource.SourceAgent, late.Source);
        Assert.Equal(TaskState.TaskKilled, (await test.Sink.NextAsync("lingering-1")).State);
        Assert.False(Directory.Exists(test.Sandbox("late-1")));
    }

    [Fact]
    public async Task ShutdownFramework_WithRunningTasks_KillsThemAndForgetsTheFramework()
    {
        await using var test = await TestAgent.CreateAsync();
        var first = await test.LaunchRunningAsync(TestAgent.ShellTask("fw-a", "sleep 1000"));
        var second = await test.LaunchRunningAsync(TestAgent.ShellTask("fw-b", "sleep 1000"));

        test.Agent.ShutdownFramework(TestAgent.FrameworkId);

        Assert.Equal(TaskState.TaskKilled, (await test.Sink.NextAsync("fw-a")).State);
        Assert.Equal(TaskState.TaskKilled, (await test.Sink.NextAsync("fw-b")).State);
        Assert.Empty(test.Agent.RunningTasks(TestAgent.FrameworkId));
        Assert.Empty(ProcessTable.RunningMembersOfGroup(first.ContainerStatus!.ExecutorPid!.Value));
        Assert.Empty(ProcessTable.RunningMembersOfGroup(second.ContainerStatus!.ExecutorPid!.Value));
    }

    [Fact]
    public async Task DisposeAsync_WithRunningTasks_KillsEveryProcessGroupBeforeReturning()
    {
        var test = await TestAgent.CreateAsync(startHttp: true);
        using var ready = await FifoSignal.CreateAsync();
        var plain = await test.LaunchRunningAsync(TestAgent.ShellTask("dispose-a", "sleep 1000 & sleep 1000"));
        var stubborn = await test.LaunchRunningAsync(
            TestAgent.ShellTask("dispose-b", $"trap '' TERM; echo trapped > {ready.Path}; sleep 1000"));
        await ready.ReadAsync();

        await test.DisposeAsync();

        Assert.Empty(ProcessTable.RunningMembersOfGroup(plain.ContainerStatus!.ExecutorPid!.Value));
        Assert.Empty(ProcessTable.RunningMembersOfGroup(stubborn.ContainerStatus!.ExecutorPid!.Value));
        Assert.Equal(TaskState.TaskKilled, (await test.Sink.NextAsync("dispose-a")).State);
        Assert.Equal(TaskState.TaskKilled, (await test.Sink.NextAsync("dispose-b")).State);
    }
}
