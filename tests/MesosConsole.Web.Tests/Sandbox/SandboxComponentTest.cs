using MesosConsole.Mesos.State;
using MesosConsole.Mesos.V1;
using MesosConsole.Web.Sandbox;
using MesosConsole.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MesosConsole.Web.Tests.Sandbox;

/// <summary>
/// The console's component setup plus the sandbox services, with the cluster's HTTP answered by a
/// <see cref="FakeAgentFiles"/> that knows one running task (<see cref="TaskId"/>) and its sandbox.
/// Tailers run on the test's <see cref="ConsoleComponentTest.Time"/>: they poll once at start, then
/// each time the test advances the clock by <see cref="SandboxOptions.PollInterval"/>.
/// </summary>
public abstract class SandboxComponentTest : ConsoleComponentTest
{
    public const string TaskId = "t1";
    public const string Directory = "/w/slaves/S0/frameworks/fw/executors/t1/runs/c1";

    protected SandboxComponentTest()
    {
        Services.AddLogging();
        Services.AddSandbox();
        Cluster.Http = Agent;
        Agent.Directory(Directory);
        Agent.Directory(Directory + "/work");
        Agent.Append(Directory + "/stdout", "");
        Agent.Append(Directory + "/stderr", "");
        Agent.Append(Directory + "/work/result.txt", "42\n");
        Agent.StateJson = FakeAgentFiles.StateWithCommandTask(FrameworkId, TaskId, Directory);
        Feed.Publish(Mock.Snapshot(Mock.State(activeAgents: 1, frameworks: 1, tasks: [Mock.Task(TaskState.TaskRunning, TaskId)])));
    }

    protected static string FrameworkId => $"{Mock.MasterId}-0000";

    protected static string AgentId => $"{Mock.MasterId}-S0";

    protected static TaskKey Key => new(FrameworkId, TaskId);

    protected static TimeSpan PollInterval => new SandboxOptions().PollInterval;

    protected FakeAgentFiles Agent { get; } = new();
}
