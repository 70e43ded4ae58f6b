using MesosConsole.Mesos.V1;

namespace MesosConsole.LocalCluster.Agent.Tasks;

/// <summary>A framework as this agent knows it: its runs in flight and a bounded history of finished ones.</summary>
internal sealed class AgentFramework(FrameworkInfo info)
{
    /// <summary>Mesos's --max_completed_executors_per_framework default.</summary>
    public const int MaxCompletedRuns = 150;

    public FrameworkInfo Info { get; set; } = info;

    /// <summary>Runs not yet terminal, by task id, in launch order.</summary>
    public Dictionary<string, TaskRun> Active { get; } = new(StringComparer.Ordinal);

    /// <summary>Finished runs, oldest first.</summary>
    public Queue<TaskRun> Completed { get; } = new();

    /// <summary>Shut down by the master: its runs are being killed and it takes no new tasks.</summary>
    public bool Terminating { get; set; }

    public void Complete(TaskRun run)
    {
        Active.Remove(run.TaskId.Value);
        Completed.Enqueue(run);
        if (Completed.Count > MaxCompletedRuns)
        {
            Completed.Dequeue();
        }
    }
}
