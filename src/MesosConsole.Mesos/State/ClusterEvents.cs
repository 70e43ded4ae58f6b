using System.Collections.Immutable;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Master;

namespace MesosConsole.Mesos.State;

/// <summary>
/// The store's only logic, as pure functions: a snapshot and an operator event in, the next snapshot
/// out. No I/O and no clock, so a recorded stream replays to the same state every time.
/// </summary>
public static class ClusterEvents
{
    /// <summary>
    /// Applies one operator event. Returns <paramref name="snapshot"/> itself (same <see cref="ClusterSnapshot.Version"/>)
    /// when the event changes nothing, e.g. HEARTBEAT or a type this version does not know, so watchers
    /// are not woken for nothing.
    /// </summary>
    public static ClusterSnapshot Apply(ClusterSnapshot snapshot, Event e)
    {
        var next = e.Type switch
        {
            EventType.Subscribed => FromState(snapshot, e.Subscribed?.GetState),
            EventType.TaskAdded => TaskAdded(snapshot, e.TaskAdded?.Task),
            EventType.TaskUpdated => TaskUpdated(snapshot, e.TaskUpdated),
            EventType.AgentAdded => AgentAdded(snapshot, e.AgentAdded?.Agent),
            EventType.AgentRemoved => AgentRemoved(snapshot, e.AgentRemoved?.AgentId),
            EventType.FrameworkAdded => FrameworkChanged(snapshot, e.FrameworkAdded?.Framework),
            EventType.FrameworkUpdated => FrameworkChanged(snapshot, e.FrameworkUpdated?.Framework),
            EventType.FrameworkRemoved => FrameworkRemoved(snapshot, e.FrameworkRemoved?.FrameworkInfo),
            _ => snapshot,
        };
        if (ReferenceEquals(next, snapshot))
        {
            return snapshot;
        }

        var version = snapshot.Version + 1;
        return next with { Version = version, TaskChanges = NextTaskChanges(snapshot, next, e, version) };
    }

    /// <summary>
    /// The change log after <paramref name="e"/>: reset by a full snapshot, one entry per task event
    /// that changed a task, untouched by events about agents or frameworks.
    /// </summary>
    private static TaskChangeLog? NextTaskChanges(ClusterSnapshot before, ClusterSnapshot after, Event e, long version)
    {
        if (e.Type == EventType.Subscribed)
        {
            return null;
        }

        if (ReferenceEquals(before.Tasks, after.Tasks))
        {
            return before.TaskChanges;
        }

        var key = e.Type == EventType.TaskAdded
            ? new TaskKey(e.TaskAdded!.Task!.FrameworkId!.Value!, e.TaskAdded.Task.TaskId!.Value!)
            : new TaskKey(e.TaskUpdated!.FrameworkId!.Value!, e.TaskUpdated.Status!.TaskId!.Value!);
        return TaskChangeLog.Append(before.TaskChanges, version, key);
    }

    /// <summary>
    /// Replaces everything the state describes (agents, frameworks, tasks) with <paramref name="state"/>:
    /// after a reconnect nothing from the old stream may linger. Connection fields and the leader are kept.
    /// </summary>
    public static ClusterSnapshot FromState(ClusterSnapshot snapshot, GetState? state)
    {
        var agents = ImmutableDictionary.CreateBuilder<string, AgentView>();
        foreach (var agent in state?.GetAgents?.Agents ?? [])
        {
            if (WireViews.Agent(agent) is { } view)
            {
                agents[view.Id] = view;
            }
        }

        var frameworks = ImmutableDictionary.CreateBuilder<string, FrameworkView>();
        foreach (var (list, completed) in new[] { (state?.GetFrameworks?.CompletedFrameworks, true), (state?.GetFrameworks?.Frameworks, false) })
        {
            foreach (var framework in list ?? [])
            {
                if (WireViews.Framework(framework, completed) is { } view)
                {
                    frameworks[view.Id] = view;
                }
            }
        }

        // Completed first, so a live task that reuses a finished task's id wins.
        var tasks = ImmutableDictionary.CreateBuilder<TaskKey, TaskView>();
        var wire = state?.GetTasks;
        foreach (var task in Concat(wire?.CompletedTasks, wire?.UnreachableTasks, wire?.PendingTasks, wire?.Tasks))
        {
            if (WireViews.Task(task) is { } view)
            {
                tasks[view.Key] = view;
            }
        }

        var ended = ImmutableDictionary<string, ImmutableQueue<TaskKey>>.Empty;
        var trimmed = tasks.ToImmutable();
        foreach (var task in Concat(wire?.CompletedTasks, wire?.UnreachableTasks, wire?.Tasks))
        {
            if (WireViews.Task(task) is { IsTerminal: true } view && trimmed.TryGetValue(view.Key, out var kept) && kept.IsTerminal)
            {
                (ended, trimmed) = RememberCompleted(ended, trimmed, view.Key);
            }
        }

        return snapshot with
        {
            Agents = agents.ToImmutable(), Frameworks = frameworks.ToImmutable(), Tasks = trimmed, CompletedTasks = ended,
        };
    }

    /// <summary>As Mesos's <c>--max_completed_tasks_per_framework</c> default: older terminal tasks are forgotten.</summary>
    public const int MaxCompletedTasksPerFramework = 1000;

    /// <summary>Adds a task that just ended to its framework's queue, forgetting the oldest past the cap.</summary>
    private static (ImmutableDictionary<string, ImmutableQueue<TaskKey>> Completed, ImmutableDictionary<TaskKey, TaskView> Tasks)
        RememberCompleted(ImmutableDictionary<string, ImmutableQueue<TaskKey>> completed, ImmutableDictionary<TaskKey, TaskView> tasks, TaskKey key)
    {
        var queue = completed.GetValueOrDefault(key.FrameworkId, ImmutableQueue<TaskKey>.Empty).Enqueue(key);
        // Counting a queue is linear, but it only runs when a task ends and the queue is capped.
        if (queue.Count() > MaxCompletedTasksPerFramework)
        {
            queue = queue.Dequeue(out var oldest);
            // A task id reused by a live task is not the one being forgotten.
            if (tasks.TryGetValue(oldest, out var old) && old.IsTerminal)
            {
                tasks = tasks.Remove(oldest);
            }
        }

        return (completed.SetItem(key.FrameworkId, queue), tasks);
    }

    private static ClusterSnapshot TaskAdded(ClusterSnapshot snapshot, MesosTask? task)
    {
        if (WireViews.Task(task) is not { } view)
        {
            return snapshot;
        }

        // A task re-announced by a re-registering agent keeps the history we already have.
        if (snapshot.Tasks.TryGetValue(view.Key, out var known))
        {
            view = view with { Timeline = WireViews.Timeline(known.Timeline, task!.Statuses ?? []) };
        }

        return snapshot with { Tasks = snapshot.Tasks.SetItem(view.Key, view) };
    }

    private static ClusterSnapshot TaskUpdated(ClusterSnapshot snapshot, TaskUpdatedEvent? update)
    {
        if (update is not { FrameworkId.Value: { } framework, Status: { TaskId.Value: { } id } status })
        {
            return snapshot;
        }

        var key = new TaskKey(framework, id);
        var state = update.State ?? status.State ?? TaskState.TaskUnknown;
        // An update for a task we never saw added (it started before an event we missed) still counts.
        var task = snapshot.Tasks.GetValueOrDefault(key) ?? new TaskView(key, null, status.AgentId?.Value,
            status.ExecutorId?.Value, state, ResourceSummary.Empty, []);
        var wasTerminal = snapshot.Tasks.TryGetValue(key, out var before) && before.IsTerminal;
        task = task with
        {
            State = state,
            AgentId = task.AgentId ?? status.AgentId?.Value,
            ExecutorId = task.ExecutorId ?? status.ExecutorId?.Value,
            Timeline = WireViews.Timeline(task.Timeline, [status], state),
        };
        var tasks = snapshot.Tasks.SetItem(key, task);
        if (task.IsTerminal && !wasTerminal)
        {
            var (completed, trimmed) = RememberCompleted(snapshot.CompletedTasks, tasks, key);
            return snapshot with { Tasks = trimmed, CompletedTasks = completed };
        }

        return snapshot with { Tasks = tasks };
    }

    private static ClusterSnapshot AgentAdded(ClusterSnapshot snapshot, AgentEntry? agent) =>
        WireViews.Agent(agent) is { } view ? snapshot with { Agents = snapshot.Agents.SetItem(view.Id, view) } : snapshot;

    private static ClusterSnapshot AgentRemoved(ClusterSnapshot snapshot, AgentID? agent) =>
        agent?.Value is { } id && snapshot.Agents.ContainsKey(id)
            ? snapshot with { Agents = snapshot.Agents.Remove(id) }
            : snapshot;

    private static ClusterSnapshot FrameworkChanged(ClusterSnapshot snapshot, FrameworkEntry? framework) =>
        WireViews.Framework(framework, completed: false) is { } view
            ? snapshot with { Frameworks = snapshot.Frameworks.SetItem(view.Id, view) }
            : snapshot;

    /// <summary>Kept as Completed rather than dropped, as Mesos keeps completed_frameworks.</summary>
    private static ClusterSnapshot FrameworkRemoved(ClusterSnapshot snapshot, FrameworkInfo? info)
    {
        if (info?.Id?.Value is not { } id)
        {
            return snapshot;
        }

        var view = snapshot.Frameworks.TryGetValue(id, out var known)
            ? known with { Status = FrameworkStatus.Completed, Connected = false }
            : WireViews.RemovedFramework(info)!;
        return snapshot with { Frameworks = snapshot.Frameworks.SetItem(id, view) };
    }

    private static IEnumerable<MesosTask> Concat(params List<MesosTask>?[] lists) => lists.SelectMany(l => l ?? []);
}
