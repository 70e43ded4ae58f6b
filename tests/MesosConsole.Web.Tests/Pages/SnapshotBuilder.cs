using System.Collections.Immutable;
using MesosConsole.Mesos.State;
using MesosConsole.Mesos.V1;
using MesosConsole.Web.Tests.Support;

namespace MesosConsole.Web.Tests.Pages;

/// <summary>
/// Snapshots for page tests, built from views directly: an agent, framework or task per line, with
/// defaults shaped like the embedded cluster's (agents of 4 cpus, 4 GB, 20 GB disk, 1,001 ports).
/// </summary>
internal sealed class SnapshotBuilder
{
    public static readonly ResourceSummary AgentResources = new(4, 4096, 20000, 0, 1001);
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 20, 0, 0, TimeSpan.Zero);

    private readonly ImmutableDictionary<string, AgentView>.Builder _agents = ImmutableDictionary.CreateBuilder<string, AgentView>();
    private readonly ImmutableDictionary<string, FrameworkView>.Builder _frameworks = ImmutableDictionary.CreateBuilder<string, FrameworkView>();
    private readonly ImmutableDictionary<TaskKey, TaskView>.Builder _tasks = ImmutableDictionary.CreateBuilder<TaskKey, TaskView>();

    public SnapshotBuilder Agent(string id, string hostname = "127.0.0.1", int port = 5051, ResourceSummary? total = null,
        bool active = true, bool deactivated = false, string attributes = "", ResourceSummary? offered = null)
    {
        _agents[id] = new AgentView(id, hostname, port, $"slave(1)@{hostname}:{port}", "1.11.0", active, deactivated, Start,
            total ?? AgentResources, ResourceSummary.Empty, offered ?? ResourceSummary.Empty) { Attributes = attributes };
        return this;
    }

    public SnapshotBuilder Framework(string id, string name, FrameworkStatus status = FrameworkStatus.Active, string? webui = null,
        string role = "*", string user = "root", string? principal = null, ResourceSummary? allocated = null)
    {
        _frameworks[id] = new FrameworkView(id, name, user, principal, "host", [role], webui, status, status != FrameworkStatus.Completed,
            false, Start, status == FrameworkStatus.Completed ? Start.AddMinutes(10) : null, allocated ?? ResourceSummary.Empty, ResourceSummary.Empty);
        return this;
    }

    public SnapshotBuilder Task(string frameworkId, string id, string? agentId, TaskState state, string? name = null,
        double cpus = 0.5, double mem = 128, string? executorId = null, params TaskTransition[] timeline)
    {
        _tasks[new TaskKey(frameworkId, id)] = new TaskView(new TaskKey(frameworkId, id), name ?? id, agentId, executorId, state,
            new ResourceSummary(cpus, mem, 0, 0, 0),
            timeline.Length > 0 ? [.. timeline] : [new TaskTransition(state, Start, null, null, TaskStatusSource.SourceAgent, null, null)]);
        return this;
    }

    public static TaskTransition Step(TaskState state, DateTimeOffset at, TaskStatusReason? reason = null, string? message = null,
        TaskStatusSource source = TaskStatusSource.SourceExecutor) => new(state, at, reason, message, source, null, null);

    public ClusterSnapshot Build() => ClusterSnapshot.Empty with
    {
        Connected = true,
        Leader = WireViews.Master(Mock.Master()),
        Agents = _agents.ToImmutable(),
        Frameworks = _frameworks.ToImmutable(),
        Tasks = _tasks.ToImmutable(),
    };
}
