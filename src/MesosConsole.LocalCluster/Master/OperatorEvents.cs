using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Master;

using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.LocalCluster.Master;

/// <summary>Builders for the operator API's event records (reference §7.4).</summary>
internal static class OperatorEvents
{
    public static Event TaskAdded(MesosTask task) => new() { Type = EventType.TaskAdded, TaskAdded = new TaskAddedEvent { Task = task } };

    public static Event TaskUpdated(FrameworkID frameworkId, TaskStatus status, TaskState state) => new()
    {
        Type = EventType.TaskUpdated,
        TaskUpdated = new TaskUpdatedEvent { FrameworkId = frameworkId, Status = status, State = state },
    };

    public static Event AgentAdded(AgentEntry agent) => new() { Type = EventType.AgentAdded, AgentAdded = new AgentAddedEvent { Agent = agent } };

    public static Event AgentRemoved(AgentID agentId) => new() { Type = EventType.AgentRemoved, AgentRemoved = new AgentRemovedEvent { AgentId = agentId } };

    public static Event FrameworkAdded(FrameworkEntry framework) => new() { Type = EventType.FrameworkAdded, FrameworkAdded = new FrameworkEvent { Framework = framework } };

    public static Event FrameworkUpdated(FrameworkEntry framework) => new() { Type = EventType.FrameworkUpdated, FrameworkUpdated = new FrameworkEvent { Framework = framework } };

    public static Event FrameworkRemoved(FrameworkInfo info) => new() { Type = EventType.FrameworkRemoved, FrameworkRemoved = new FrameworkRemovedEvent { FrameworkInfo = info } };
}
