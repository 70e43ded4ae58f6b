using System.Collections.Immutable;
using MesosConsole.Mesos.State;
using MesosConsole.Mesos.V1;

namespace MesosConsole.Web.Tests.Why;

/// <summary>Small snapshots for "why is it not running?": agents with resources, frameworks, tasks that hold some.</summary>
internal static class WhyFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 20, 20, 0, TimeSpan.Zero);

    public static AgentView Agent(string id, double cpus = 4, double mem = 4096, double disk = 20000, ulong ports = 1001, bool active = true,
        ResourceSummary? offered = null, int port = 5051) =>
        new(id, "127.0.0.1", port, $"slave(1)@127.0.0.1:{port}", "1.11.0", active, !active, Now,
            new ResourceSummary(cpus, mem, disk, 0, ports), ResourceSummary.Empty, offered ?? ResourceSummary.Empty);

    public static FrameworkView Framework(string id = "F1", string name = "batch", string[]? roles = null, bool connected = true,
        FrameworkStatus status = FrameworkStatus.Active) =>
        new(id, name, "root", null, null, [.. roles ?? ["*"]], null, status, connected, false, Now, null, ResourceSummary.Empty, ResourceSummary.Empty);

    public static TaskView Task(string id, string agentId, double cpus, double mem = 0, TaskState state = TaskState.TaskRunning, string framework = "F1") =>
        new(new TaskKey(framework, id), id, agentId, null, state, new ResourceSummary(cpus, mem, 0, 0, 0), []);

    public static ClusterSnapshot Snapshot(IEnumerable<AgentView> agents, IEnumerable<FrameworkView>? frameworks = null, IEnumerable<TaskView>? tasks = null) =>
        new()
        {
            Connected = true,
            Agents = agents.ToImmutableDictionary(a => a.Id),
            Frameworks = (frameworks ?? []).ToImmutableDictionary(f => f.Id),
            Tasks = (tasks ?? []).ToImmutableDictionary(t => t.Key),
        };
}
