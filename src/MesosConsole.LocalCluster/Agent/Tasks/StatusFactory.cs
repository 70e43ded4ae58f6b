using System.Text.Json;
using MesosConsole.Mesos.V1;
using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.LocalCluster.Agent.Tasks;

/// <summary>
/// Builds the TaskStatus messages the agent sends: a fresh uuid each (the master and frameworks
/// acknowledge by it), agent and executor ids, the agent's clock, and the container's status.
/// </summary>
internal sealed class StatusFactory(AgentRuntime agent)
{
    // Real Mesos reports the container's address (the agent's, without network isolation).
    private readonly JsonElement _networkInfos = JsonSerializer.SerializeToElement(new[]
    {
        new { ip_addresses = new[] { new { protocol = "IPv4", ip_address = agent.Ip.ToString() } } },
    });

    public TaskStatus Create(TaskRun run, TaskState state, TaskStatusSource source, TaskStatusReason? reason = null,
        string? message = null) => new()
    {
        TaskId = run.TaskId,
        State = state,
        Message = message,
        Source = source,
        Reason = reason,
        AgentId = agent.Id,
        ExecutorId = run.ExecutorId,
        Timestamp = agent.NowSeconds(),
        Uuid = Guid.NewGuid().ToByteArray(),
        ContainerStatus = new ContainerStatus
        {
            ContainerId = run.ContainerId,
            ExecutorPid = run.Pid,
            NetworkInfos = run.Pid is null ? null : _networkInfos,
        },
    };
}
