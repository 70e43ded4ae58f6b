using MesosConsole.Mesos.V1;

namespace MesosConsole.LocalCluster.Tests.Agent;

/// <summary>Command tasks run as real processes and report STARTING, RUNNING and their terminal state.</summary>
public sealed class LocalAgentTaskTests
{
    [Fact]
    public async Task Launch_EchoCommand_ReportsStartingRunningFinishedAndWritesStdout()
    {
        await using var test = await TestAgent.CreateAsync();

        test.Agent.Launch(TestAgent.Framework(), TestAgent.ShellTask("echo-1", "echo hello-from-agent; echo oops >&2"));
        var statuses = await test.Sink.UntilTerminalAsync("echo-1");

        Assert.Equal([TaskState.TaskStarting, TaskState.TaskRunning, TaskState.TaskFinished], statuses.Select(s => s.State!.Value));
        Assert.Equal("Command exited with status 0", statuses[2].Message);
        Assert.All(statuses, s => Assert.Equal(TaskStatusSource.SourceExecutor, s.Source));
        Assert.Equal("hello-from-agent\n", await File.ReadAllTextAsync(Path.Combine(test.Sandbox("echo-1"), "stdout"), TestContext.Current.CancellationToken));
        Assert.Equal("oops\n", await File.ReadAllTextAsync(Path.Combine(test.Sandbox("echo-1"), "stderr"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Launch_AnyTask_StatusesCarryFreshUuidIdsClockAndContainer()
    {
        await using var test = await TestAgent.CreateAsync();

        test.Agent.Launch(TestAgent.Framework(), TestAgent.ShellTask("ids-1", "true"));
        var statuses = await test.Sink.UntilTerminalAsync("ids-1");

        Assert.All(statuses, s =>
        {
            Assert.Equal(16, s.Uuid!.Length);
            Assert.Equal(test.Agent.Id, s.AgentId);
            Assert.Equal("ids-1", s.ExecutorId!.Value);
            Assert.Equal("ids-1", s.TaskId!.Value);
            Assert.Equal(TestAgent.Epoch.ToUnixTimeSeconds(), s.Timestamp);
            Assert.NotNull(s.ContainerStatus?.ContainerId);
            Assert.True(s.ContainerStatus!.ExecutorPid > 0);
        });
        Assert.Equal(3, statuses.Select(s => Convert.ToBase64String(s.Uuid!)).Distinct().Count());
        Assert.Single(statuses.Select(s => s.ContainerStatus!.ContainerId!.Value).Distinct());
        Assert.All(test.Sink.All, entry => Assert.Equal(TestAgent.FrameworkId, entry.FrameworkId));
    }

    [Fact]
    public async Task Launch_CommandExitingWithThree_ReportsFailedWithItsStatus()
    {
        await using var test = await TestAgent.CreateAsync();

        test.Agent.Launch(TestAgent.Framework(), TestAgent.ShellTask("exit-3", "exit 3"));
        var terminal = (await test.Sink.UntilTerminalAsync("exit-3"))[^1];

        Assert.Equal(TaskState.TaskFailed, terminal.State);
        Assert.Equal(TaskStatusReason.ReasonCommandExecutorFailed, terminal.Reason);
        Assert.Equal(TaskStatusSource.SourceExecutor, terminal.Source);
        Assert.Equal("Command exited with status 3", terminal.Message);
    }

    [Fact]
    public async Task Launch_ShellFalse_RunsValueWithArgumentsAsArgv()
    {
        await using var test = await TestAgent.CreateAsync();
        var task = TestAgent.ShellTask("argv-1", "printf");
        task.Command!.Shell = false;
        task.Command.Arguments = ["printf", "[%s]", "two words", "$HOME"];

        test.Agent.Launch(TestAgent.Framework(), task);
        var terminal = (await test.Sink.UntilTerminalAsync("argv-1"))[^1];

        Assert.Equal(TaskState.TaskFinished, terminal.State);
        Assert.Equal("[two words][$HOME]", await File.ReadAllTextAsync(Path.Combine(test.Sandbox("argv-1"), "stdout"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Launch_TaskWithCustomExecutor_FailsAsContainerLaunchFailedFromAgent()
    {
        await using var test = await TestAgent.CreateAsync();
        var task = TestAgent.ShellTask("custom-1", "true");
        task.Executor = new ExecutorInfo { ExecutorId = new ExecutorID("my-executor") };

        test.Agent.Launch(TestAgent.Framework(), task);
        var only = await test.Sink.NextAsync("custom-1");

        Assert.Equal(TaskState.TaskFailed, only.State);
        Assert.Equal(TaskStatusSource.SourceAgent, only.Source);
        Assert.Equal(TaskStatusReason.ReasonContainerLaunchFailed, only.Reason);
        Assert.Empty(test.Agent.RunningTasks(TestAgent.FrameworkId));
    }

    [Fact]
    public async Task Launch_AnyTask_SeesMesosVariablesCommandEnvironmentAndSandboxAsWorkingDirectory()
    {
        await using var test = await TestAgent.CreateAsync(startHttp: true);
        var script = string.Join("; ", new[]
        {
            "pwd -P", "echo $MESOS_SANDBOX", "echo $MESOS_DIRECTORY", "echo $MESOS_FRAMEWORK_ID", "echo $MESOS_EXECUTOR_ID",
            "echo $MESOS_TASK_ID", "echo $MESOS_SLAVE_ID", "echo $MESOS_SLAVE_PID", "echo $MESOS_AGENT_ENDPOINT", "echo $GREETING",
        });

        test.Agent.Launch(TestAgent.Framework(), TestAgent.ShellTask("env-1", script, ("GREETING", "hi there")));
        await test.Sink.UntilTerminalAsync("env-1");

        var sandbox = Path.GetFullPath(test.Sandbox("env-1"));
        var realSandbox = new DirectoryInfo(sandbox).ResolveLinkTarget(returnFinalTarget: true)!.FullName;
        var lines = await File.ReadAllLinesAsync(Path.Combine(sandbox, "stdout"), TestContext.Current.CancellationToken);
        Assert.Equal(
        [
            realSandbox, realSandbox, realSandbox, TestAgent.FrameworkId.Value, "env-1", "env-1", test.Agent.Id.Value,
            $"slave(1)@127.0.0.1:{test.Agent.Port}", $"127.0.0.1:{test.Agent.Port}", "hi there",
        ], lines);
    }

    [Fact]
    public async Task Launch_TaskLeavingBackgroundChild_ChildIsGoneWhenFinishedArrives()
    {
        await using var test = await TestAgent.CreateAsync();

        test.Agent.Launch(TestAgent.Framework(), TestAgent.ShellTask("bg-1", "sleep 1000 >/dev/null 2>&1 & echo $! > child.pid"));
        var statuses = await test.Sink.UntilTerminalAsync("bg-1");

        Assert.Equal(TaskState.TaskFinished, statuses[^1].State);
        var childPid = int.Parse(await File.ReadAllTextAsync(Path.Combine(test.Sandbox("bg-1"), "child.pid"), TestContext.Current.CancellationToken));
        Assert.False(ProcessTable.IsRunning(childPid), $"background child {childPid} outlived its task");
        Assert.Empty(ProcessTable.RunningMembersOfGroup(statuses[1].ContainerStatus!.ExecutorPid!.Value));
    }

    [Fact]
    public async Task Launch_AnyTask_CreatesRunDirectoryWithLatestLink()
    {
        await using var test = await TestAgent.CreateAsync();

        test.Agent.Launch(TestAgent.Framework(), TestAgent.ShellTask("dirs-1", "true"));
        var running = await test.Sink.WaitForAsync("dirs-1", TaskState.TaskRunning);

        var runs = Path.GetDirectoryName(test.Sandbox("dirs-1"))!;
        var containerId = running.ContainerStatus!.ContainerId!.Value;
        Assert.True(Directory.Exists(Path.Combine(runs, containerId)));
        Assert.Equal(Path.Combine(runs, containerId), new DirectoryInfo(Path.Combine(runs, "latest")).LinkTarget);
    }

    [Fact]
    public async Task RunningTasks_WhileRunningAndAfterExit_ListsOnlyUnfinishedTasks()
    {
        await using var test = await TestAgent.CreateAsync();
        await test.LaunchRunningAsync(TestAgent.ShellTask("long-1", "sleep 1000"));
        test.Agent.Launch(TestAgent.Framework(), TestAgent.ShellTask("short-1", "true"));
        await test.Sink.UntilTerminalAsync("short-1");

        Assert.Equal(["long-1"], test.Agent.RunningTasks(TestAgent.FrameworkId).Select(t => t.Value));
        Assert.Empty(test.Agent.RunningTasks(new FrameworkID("someone-else")));
    }
}
