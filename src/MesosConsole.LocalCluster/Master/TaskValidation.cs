using MesosConsole.Allocation;
using MesosConsole.Mesos.V1;

namespace MesosConsole.LocalCluster.Master;

/// <summary>The master's checks on one TaskInfo in a LAUNCH (reference §4.8). Returns the reason, or null when valid.</summary>
internal static class TaskValidation
{
    public static string? Validate(TaskInfo task, AgentID offerAgent, FrameworkRecord framework, IReadOnlySet<string> launchedInThisCall, out Resources resources)
    {
        resources = Resources.Empty;
        var id = task.TaskId?.Value;
        if (string.IsNullOrEmpty(id))
        {
            return "Task has no 'task_id'";
        }

        if (id is "." or ".." || id.Contains('/', StringComparison.Ordinal) || id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return $"'{id}' contains invalid characters";
        }

        // A task stays in the books until its terminal update is acknowledged; its id is taken until then.
        if (framework.Tasks.ContainsKey(id) || launchedInThisCall.Contains(id))
        {
            return $"Task has duplicate ID: {id}";
        }

        if (task.AgentId?.Value != offerAgent.Value)
        {
            return $"Task uses agent {task.AgentId?.Value ?? "(none)"} but the offer is for agent {offerAgent.Value}";
        }

        if (task.Command is null == task.Executor is null)
        {
            return "Task should have at least one (but not both) of CommandInfo or ExecutorInfo present";
        }

        if (task.Executor is not null)
        {
            return "Custom executors are not supported by the embedded cluster; use a command task";
        }

        if (task.Command is { Shell: not false } command && string.IsNullOrEmpty(command.Value))
        {
            return "Task's command has no 'value'";
        }

        resources = ResourceMapping.FromWire(task.Resources, out var error);
        if (error is not null)
        {
            return $"Task uses invalid resources: {error}";
        }

        if (resources.IsEmpty)
        {
            return "Task uses no resources";
        }

        return null;
    }
}
