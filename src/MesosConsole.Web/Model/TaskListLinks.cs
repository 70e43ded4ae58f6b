namespace MesosConsole.Web.Model;

/// <summary>
/// Links to the Tasks page with any mix of its filters, for the cases <see cref="ConsoleLinks.TasksOf"/>
/// does not cover (all tasks on one agent, tasks in one state).
/// </summary>
public static class TaskListLinks
{
    public static string For(string? frameworkId = null, string? agentId = null, string? state = null)
    {
        var query = new[] { ("framework", frameworkId), ("agent", agentId), ("state", state) }
            .Where(p => !string.IsNullOrEmpty(p.Item2))
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}")
            .ToList();
        return query.Count == 0 ? ConsoleLinks.Tasks : $"{ConsoleLinks.Tasks}?{string.Join('&', query)}";
    }
}
