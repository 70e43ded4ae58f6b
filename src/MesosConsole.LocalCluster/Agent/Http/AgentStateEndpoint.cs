using MesosConsole.LocalCluster.Agent.Tasks;
using MesosConsole.LocalCluster.Files;
using MesosConsole.Mesos.Json;
using MesosConsole.Mesos.V1;
using Microsoft.AspNetCore.Http;

namespace MesosConsole.LocalCluster.Agent.Http;

/// <summary><c>GET /state</c> (also <c>/slave(N)/state</c>): the agent, its frameworks, executors and tasks.</summary>
internal sealed class AgentStateEndpoint(LocalAgent agent)
{
    /// <summary>Only the capabilities mesos-go 0.0.6 can decode are advertised (reference §7.2).</summary>
    private static readonly string[] Capabilities = ["MULTI_ROLE", "HIERARCHICAL_ROLE", "RESERVATION_REFINEMENT"];

    public Task HandleAsync(HttpContext context) =>
        MesosResponses.WriteJsonAsync(context, MesosJson.Serialize(Build()));

    internal AgentStateDocument Build()
    {
        var runtime = agent.Runtime;
        var info = agent.Info;
        var registry = agent.Registry;
        var id = runtime.Id.Value;
        List<FrameworkStateJson> frameworks;
        List<FrameworkStateJson> completed;
        IEnumerable<Resource> allocated;
        lock (registry.Gate)
        {
            frameworks = registry.Frameworks.Select(f => Framework(f, id)).ToList();
            completed = registry.CompletedFrameworks.Select(f => Framework(f, id)).ToList();
            allocated = registry.ActiveRuns.SelectMany(r => r.Task.Resources ?? []).ToList();
        }

        var total = ResourceSummary.Of(info.Resources);
        return new AgentStateDocument(
            ClusterVersion.Version, ClusterVersion.BuildDate, ClusterVersion.BuildTime, ClusterVersion.BuildUser,
            runtime.StartTime, id, runtime.Pid, runtime.Hostname, Capabilities,
            Resources: total,
            ReservedResources: [],
            UnreservedResources: total,
            ReservedResourcesFull: [],
            UnreservedResourcesFull: info.Resources ?? [],
            ReservedResourcesAllocated: [],
            UnreservedResourcesAllocated: ResourceSummary.Of(allocated),
            ResourceProviders: [],
            Attributes: ResourceSummary.Attributes(info.Attributes),
            MasterHostname: runtime.Settings.MasterHostname,
            Flags: AgentFlags.Of(runtime),
            Frameworks: frameworks,
            CompletedFrameworks: completed);
    }

    private static FrameworkStateJson Framework(AgentFramework framework, string agentId)
    {
        var info = framework.Info;
        var multiRole = info.Has(FrameworkCapabilityType.MultiRole);
        return new FrameworkStateJson(
            info.Id!.Value, info.Name, info.User, info.FailoverTimeout ?? 0, info.Checkpoint ?? false,
            info.Hostname ?? "",
            Role: multiRole ? null : info.Role ?? "*",
            Roles: multiRole ? info.Roles ?? [] : null,
            info.Principal,
            Executors: framework.Active.Values.Select(r => Executor(r, agentId)).ToList(),
            CompletedExecutors: framework.Completed.Select(r => Executor(r, agentId)).ToList());
    }

    /// <summary>A command task's executor: one per task, listing the task while it runs and as completed after.</summary>
    private static ExecutorStateJson Executor(TaskRun run, string agentId)
    {
        var task = Task(run, agentId);
        return new ExecutorStateJson(
            run.ExecutorId.Value, CommandLauncher.ExecutorName(run.Task), run.TaskId.Value, run.ContainerId.Value,
            run.Sandbox?.RunDirectory ?? "",
            ResourceSummary.Of(run.Task.Resources), task.Role,
            Tasks: run.IsTerminal ? [] : [task],
            QueuedTasks: [],
            CompletedTasks: run.IsTerminal ? [task] : []);
    }

    private static TaskEntryJson Task(TaskRun run, string agentId) => new(
        run.TaskId.Value, run.Task.Name, run.FrameworkId.Value, ExecutorId: "", agentId, run.State,
        ResourceSummary.Of(run.Task.Resources), ResourceSummary.RoleOf(run.Task.Resources, run.Framework),
        run.Statuses.Select(s => new TaskStatusJson(s.State!.Value, s.Timestamp, s.ContainerStatus, s.Healthy)).ToList(),
        run.Task.Labels);
}
