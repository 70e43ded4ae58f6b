using MesosConsole.Mesos.V1;

namespace MesosConsole.LocalCluster.Agent.Tasks;

/// <summary>
/// Every framework and run on the agent. One lock (<see cref="Gate"/>) guards it and every run's mutable
/// state: task transitions are tiny, so a single lock is simpler than per-task locks and costs nothing at
/// hundreds of tasks per second. Members must be used with the gate held.
/// </summary>
internal sealed class TaskRegistry
{
    /// <summary>Mesos's --max_completed_frameworks default.</summary>
    public const int MaxCompletedFrameworks = 50;

    private readonly Dictionary<string, AgentFramework> _frameworks = new(StringComparer.Ordinal);

    public object Gate { get; } = new();

    public IEnumerable<AgentFramework> Frameworks => _frameworks.Values;

    /// <summary>Frameworks shut down whose runs have all ended, oldest first.</summary>
    public Queue<AgentFramework> CompletedFrameworks { get; } = new();

    public AgentCounters Counters { get; } = new();

    public AgentFramework? Find(FrameworkID frameworkId) => _frameworks.GetValueOrDefault(frameworkId.Value);

    /// <summary>The framework entry for a launch, created on first use; its FrameworkInfo is refreshed.</summary>
    public AgentFramework Enter(FrameworkInfo info)
    {
        var id = info.Id!.Value;
        if (_frameworks.TryGetValue(id, out var framework))
        {
            framework.Info = info;
            return framework;
        }

        framework = new AgentFramework(info);
        _frameworks.Add(id, framework);
        return framework;
    }

    public TaskRun? FindActive(FrameworkID frameworkId, TaskID taskId) =>
        Find(frameworkId)?.Active.GetValueOrDefault(taskId.Value);

    public IEnumerable<TaskRun> ActiveRuns => _frameworks.Values.SelectMany(f => f.Active.Values);

    /// <summary>Moves a terminal run to its framework's history; a terminating framework with nothing left is retired.</summary>
    public void Complete(TaskRun run)
    {
        Counters.ExecutorsTerminated++;
        if (Find(run.FrameworkId) is not { } framework)
        {
            return;
        }

        framework.Complete(run);
        RetireIfDone(framework);
    }

    public void RetireIfDone(AgentFramework framework)
    {
        if (!framework.Terminating || framework.Active.Count > 0)
        {
            return;
        }

        _frameworks.Remove(framework.Info.Id!.Value);
        CompletedFrameworks.Enqueue(framework);
        if (CompletedFrameworks.Count > MaxCompletedFrameworks)
        {
            CompletedFrameworks.Dequeue();
        }
    }
}
