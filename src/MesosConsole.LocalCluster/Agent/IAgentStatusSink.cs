using MesosConsole.Mesos.V1;
using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.LocalCluster.Agent;

/// <summary>
/// Where an agent sends its task status updates: the master, in process. Delivery here is reliable
/// (a method call); the master owns the at-least-once delivery to the framework and its retries.
/// </summary>
public interface IAgentStatusSink
{
    /// <summary>
    /// One status update for a task on this agent. Called in order per task (STARTING, RUNNING, then one
    /// terminal state), never concurrently for the same task. The status carries a fresh 16-byte uuid,
    /// agent_id, executor_id, timestamp, source and, where known, container_status.
    /// </summary>
    void OnStatusUpdate(AgentID agentId, FrameworkID frameworkId, TaskStatus status);
}
