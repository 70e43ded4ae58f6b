using System.Text.Json;
using MesosConsole.Mesos.State;
using MesosConsole.Web.Cluster;

namespace MesosConsole.Web.Sandbox;

/// <summary>
/// Finds a task's sandbox the way the Mesos web UI does, through public APIs only: the agent from the
/// master's view of the task, then, in that agent's <c>/state</c>, the executor that ran the task
/// (running or completed, in a running or completed framework) and its <c>directory</c>. A task of a
/// task group lives under <c>tasks/&lt;taskId&gt;</c> of its executor's directory.
/// </summary>
public sealed class SandboxLocator
{
    public async Task<TaskSandbox> LocateAsync(IConsoleCluster cluster, TaskKey key, CancellationToken cancellationToken)
    {
        var snapshot = cluster.State.Current;
        if (!snapshot.Tasks.TryGetValue(key, out var task))
        {
            throw new SandboxException($"The master does not know task \"{key.TaskId}\" of framework \"{key.FrameworkId}\".");
        }

        if (task.AgentId is not { } agentId)
        {
            throw new SandboxException($"Task \"{key.TaskId}\" has not been placed on an agent yet, so it has no sandbox.");
        }

        var agentUrl = SandboxException.AgentUrl(cluster, agentId);
        using var http = cluster.CreateHttpClient();
        using var state = await new FilesApi(http, agentUrl).StateAsync(cancellationToken);
        return Find(state.RootElement, task) is { } directory
            ? new TaskSandbox(key, agentId, agentUrl, directory)
            : throw new SandboxException(
                $"Agent \"{agentId}\" lists no executor for task \"{key.TaskId}\": it may not have started yet, or its sandbox was cleaned up.");
    }

    /// <summary>The sandbox directory of <paramref name="task"/> in an agent's <c>/state</c>, or null.</summary>
    public static string? Find(JsonElement agentState, TaskView task)
    {
        // A command task's executor has the task's id (Mesos names the command executor after it).
        var executorId = string.IsNullOrEmpty(task.ExecutorId) ? task.Id : task.ExecutorId;
        foreach (var framework in Members(agentState, "frameworks", "completed_frameworks"))
        {
            if (Text(framework, "id") != task.FrameworkId)
            {
                continue;
            }

            foreach (var executor in Members(framework, "executors", "completed_executors"))
            {
                var runsTask = Members(executor, "tasks", "queued_tasks", "completed_tasks").Any(t => Text(t, "id") == task.Id);
                if (!runsTask && Text(executor, "id") != executorId)
                {
                    continue;
                }

                if (Text(executor, "directory") is not { Length: > 0 } directory)
                {
                    continue;
                }

                return Text(executor, "type") == "DEFAULT" ? SandboxPaths.Combine(SandboxPaths.Combine(directory, "tasks"), task.Id) : directory;
            }
        }

        return null;
    }

    private static IEnumerable<JsonElement> Members(JsonElement element, params string[] arrays)
    {
        foreach (var name in arrays)
        {
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in array.EnumerateArray())
                {
                    yield return item;
                }
            }
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
