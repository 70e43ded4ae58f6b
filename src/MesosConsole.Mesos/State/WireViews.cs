using System.Collections.Immutable;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Master;
using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.Mesos.State;

/// <summary>
/// Wire messages to the store's views. Tolerant by design: a field a master leaves out becomes null or
/// zero instead of failing the whole snapshot; only the id a view is keyed by is required.
/// </summary>
public static class WireViews
{
    public static MasterView? Master(GetMaster? master) => master?.MasterInfo is { Id: { } id } info
        ? new MasterView(id, info.Address?.Hostname ?? info.Hostname, info.Address?.Port ?? info.Port, info.Pid,
            info.Version, Seconds(master.StartTime), Seconds(master.ElectedTime))
        : null;

    public static AgentView? Agent(AgentEntry? agent) => agent?.AgentInfo is { Id.Value: { } id } info
        ? new AgentView(id, info.Hostname, info.Port, agent.Pid, agent.Version, agent.Active ?? false,
            agent.Deactivated ?? false, Time(agent.ReregisteredTime) ?? Time(agent.RegisteredTime),
            ResourceSummary.Of(agent.TotalResources ?? info.Resources), ResourceSummary.Of(agent.AllocatedResources),
            ResourceSummary.Of(agent.OfferedResources))
        { Attributes = AttributeText(info.Attributes) }
        : null;

    /// <summary>Attributes as an operator writes them in <c>--attributes</c>: <c>name:value</c> joined by ';'.</summary>
    public static string AttributeText(IEnumerable<MesosConsole.Mesos.V1.Attribute>? attributes) => string.Join(';',
        (attributes ?? []).Where(a => a.Name is not null).Select(a => $"{a.Name}:{AttributeValue(a)}"));

    private static string AttributeValue(MesosConsole.Mesos.V1.Attribute attribute) => attribute switch
    {
        { Text.Value: { } text } => text,
        { Scalar.Value: { } scalar } => scalar.ToString(System.Globalization.CultureInfo.InvariantCulture),
        { Ranges.Range: { } ranges } => "[" + string.Join(',', ranges.Select(r => $"{r.Begin}-{r.End}")) + "]",
        { Set.Item: { } items } => "{" + string.Join(',', items) + "}",
        _ => "",
    };

    public static FrameworkView? Framework(FrameworkEntry? framework, bool completed) =>
        framework?.FrameworkInfo is { Id.Value: { } id } info
            ? new FrameworkView(id, info.Name, info.User, info.Principal, info.Hostname, Roles(info), info.WebuiUrl,
                completed ? FrameworkStatus.Completed
                    : framework.Active == true ? FrameworkStatus.Active : FrameworkStatus.Inactive,
                !completed && (framework.Connected ?? false), framework.Recovered ?? false,
                Time(framework.RegisteredTime), Time(framework.UnregisteredTime),
                ResourceSummary.Of(framework.AllocatedResources), ResourceSummary.Of(framework.OfferedResources))
            : null;

    /// <summary>A framework known only from FRAMEWORK_REMOVED, whose event carries just the FrameworkInfo.</summary>
    public static FrameworkView? RemovedFramework(FrameworkInfo? info) =>
        Framework(new FrameworkEntry { FrameworkInfo = info }, completed: true);

    public static TaskView? Task(MesosTask? task) => task is { TaskId.Value: { } id, FrameworkId.Value: { } framework }
        ? new TaskView(new TaskKey(framework, id), task.Name, task.AgentId?.Value, task.ExecutorId?.Value,
            task.State ?? TaskState.TaskStaging, ResourceSummary.Of(task.Resources),
            Timeline(ImmutableList<TaskTransition>.Empty, task.Statuses ?? []))
        : null;

    public static TaskTransition? Transition(TaskStatus status, TaskState? fallbackState = null) =>
        (status.State ?? fallbackState) is { } state
            ? new TaskTransition(state, Seconds(status.Timestamp), status.Reason, status.Message, status.Source,
                status.Healthy, status.Uuid is { Length: > 0 } uuid ? Convert.ToBase64String(uuid) : null)
            : null;

    /// <summary>Appends statuses not already on the timeline: a status can reach us twice (snapshot, then event).</summary>
    public static ImmutableList<TaskTransition> Timeline(ImmutableList<TaskTransition> timeline,
        IEnumerable<TaskStatus> statuses, TaskState? fallbackState = null)
    {
        foreach (var status in statuses)
        {
            if (Transition(status, fallbackState) is { } step && !timeline.Any(s => SameUpdate(s, step)))
            {
                timeline = timeline.Add(step);
            }
        }

        return timeline;
    }

    private static bool SameUpdate(TaskTransition a, TaskTransition b) =>
        a.Uuid is not null || b.Uuid is not null
            ? a.Uuid == b.Uuid
            : a.State == b.State && a.Timestamp == b.Timestamp && a.Reason == b.Reason;

    /// <summary>MULTI_ROLE frameworks list <c>roles</c>; older ones set <c>role</c>; Mesos's default is "*".</summary>
    private static ImmutableArray<string> Roles(FrameworkInfo info) =>
        info.Roles is { Count: > 0 } roles ? [.. roles] : [info.Role ?? "*"];

    private static DateTimeOffset? Seconds(double? seconds) =>
        seconds is { } s and > 0 ? DateTimeOffset.UnixEpoch.AddTicks((long)(s * TimeSpan.TicksPerSecond)) : null;

    /// <summary>Mesos writes 0 for "never" (e.g. a framework's unregistered_time while it is registered).</summary>
    private static DateTimeOffset? Time(TimeInfo? time) =>
        time?.Nanoseconds is { } ns and > 0 ? DateTimeOffset.UnixEpoch.AddTicks(ns / 100) : null;
}
