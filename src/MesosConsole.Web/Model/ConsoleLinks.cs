using MesosConsole.Mesos.State;

namespace MesosConsole.Web.Model;

/// <summary>
/// Every in-console link, built in one place so pages link to each other without repeating route
/// templates. Ids are escaped: Mesos allows almost any character in them.
/// </summary>
public static class ConsoleLinks
{
    public const string Overview = "";
    public const string Agents = "agents";
    public const string Frameworks = "frameworks";
    public const string Tasks = "tasks";
    public const string Offers = "offers";
    public const string Why = "why";
    public const string Sandbox = "sandbox";
    public const string Clusters = "clusters";
    public const string Deploy = "deploy";
    public const string DeployRuns = "deploy/runs";

    public static string Agent(string agentId) => $"agents/{Escape(agentId)}";

    public static string Framework(string frameworkId) => $"frameworks/{Escape(frameworkId)}";

    public static string Task(TaskKey task) => $"tasks/{Escape(task.FrameworkId)}/{Escape(task.TaskId)}";

    /// <summary>Tasks filtered to one framework (and optionally one agent).</summary>
    public static string TasksOf(string frameworkId, string? agentId = null) =>
        agentId is null ? $"tasks?framework={Escape(frameworkId)}" : $"tasks?framework={Escape(frameworkId)}&agent={Escape(agentId)}";

    /// <summary>The sandbox of one task, or the merged live log of several (all instances, all MPI ranks).</summary>
    public static string SandboxOf(params IEnumerable<TaskKey> tasks) =>
        "sandbox?" + string.Join('&', tasks.Select(t => $"task={Escape(t.FrameworkId)}/{Escape(t.TaskId)}"));

    /// <summary>Why a framework (or one of its tasks) is not running.</summary>
    public static string WhyNotRunning(string frameworkId, string? taskId = null) =>
        taskId is null ? $"why?framework={Escape(frameworkId)}" : $"why?framework={Escape(frameworkId)}&task={Escape(taskId)}";

    /// <summary>One deployment run: its live output while it goes, its record once it has ended.</summary>
    public static string DeployRun(Guid runId) => $"deploy/runs/{runId}";

    private static string Escape(string id) => Uri.EscapeDataString(id);
}
