using MesosConsole.Mesos.State;

namespace MesosConsole.Web.Model;

/// <summary>
/// The Tasks table's sort orders. Framework and agent sort by what the page shows (name, host:port),
/// looked up in the snapshot the rows came from; every order ends in the task's key so pages are stable.
/// </summary>
public sealed class TaskSorts
{
    private ClusterSnapshot _snapshot = ClusterSnapshot.Empty;

    public TaskSorts() => ByColumn = new Dictionary<string, Comparison<TaskView>>
    {
        ["updated"] = (a, b) => Then(Nullable.Compare(LastUpdate(a), LastUpdate(b)), a, b),
        ["id"] = (a, b) => Then(string.CompareOrdinal(a.Id, b.Id), a, b),
        ["name"] = (a, b) => Then(string.Compare(a.Name, b.Name, StringComparison.OrdinalIgnoreCase), a, b),
        ["state"] = (a, b) => Then(TaskStateCount.LifecycleOrder.IndexOf(a.State).CompareTo(TaskStateCount.LifecycleOrder.IndexOf(b.State)), a, b),
        ["framework"] = (a, b) => Then(string.Compare(FrameworkName(a), FrameworkName(b), StringComparison.OrdinalIgnoreCase), a, b),
        ["agent"] = (a, b) => Then(string.Compare(AgentAddress(a), AgentAddress(b), StringComparison.OrdinalIgnoreCase), a, b),
    };

    public IReadOnlyDictionary<string, Comparison<TaskView>> ByColumn { get; }

    /// <summary>Call before the rows of <paramref name="snapshot"/> are sorted.</summary>
    public void Use(ClusterSnapshot snapshot) => _snapshot = snapshot;

    /// <summary>When the task last changed state: the newest status update's time.</summary>
    public static DateTimeOffset? LastUpdate(TaskView task) => task.Timeline.Count > 0 ? task.Timeline[^1].Timestamp : null;

    private string FrameworkName(TaskView task) => _snapshot.Frameworks.GetValueOrDefault(task.FrameworkId)?.Name ?? task.FrameworkId;

    private string AgentAddress(TaskView task) =>
        task.AgentId is { } id && _snapshot.Agents.TryGetValue(id, out var agent) ? $"{agent.Hostname}:{agent.Port}" : task.AgentId ?? "";

    private static int Then(int first, TaskView a, TaskView b) =>
        first != 0 ? first
        : string.CompareOrdinal(a.FrameworkId, b.FrameworkId) is var byFramework and not 0 ? byFramework
        : string.CompareOrdinal(a.Id, b.Id);
}
