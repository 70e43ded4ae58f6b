using MesosConsole.Mesos.V1;
using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.LocalCluster.Agent.Tasks;

/// <summary>
/// One command task on this agent, from launch to its terminal status: the task, its sandbox and the
/// state of its process. Mutable fields are guarded by the registry's gate.
/// </summary>
internal sealed class TaskRun(FrameworkInfo framework, TaskInfo task, ContainerID containerId, SandboxLayout? sandbox)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FrameworkID FrameworkId { get; } = framework.Id!;

    public FrameworkInfo Framework { get; } = framework;

    public TaskInfo Task { get; } = task;

    public TaskID TaskId { get; } = task.TaskId!;

    /// <summary>Command tasks run under Mesos's command executor, whose id is the task id.</summary>
    public ExecutorID ExecutorId { get; } = new(task.TaskId!.Value);

    public ContainerID ContainerId { get; } = containerId;

    /// <summary>Where the task runs; null when its ids cannot name a directory (the launch then fails).</summary>
    public SandboxLayout? Sandbox { get; } = sandbox;

    /// <summary>The agent's view of the task: STAGING until the first status, then the last status sent.</summary>
    public TaskState State { get; set; } = TaskState.TaskStaging;

    /// <summary>Every status sent for this task, in order (for /state).</summary>
    public List<TaskStatus> Statuses { get; } = [];

    /// <summary>The main process (session and group leader) once spawned.</summary>
    public int? Pid { get; set; }

    public bool Exited { get; set; }

    public bool KillRequested { get; private set; }

    /// <summary>SIGTERM has gone out (and TASK_KILLING, when the framework wants it).</summary>
    public bool Terminating { get; set; }

    public TimeSpan KillGracePeriod { get; private set; }

    /// <summary>Whether SIGKILL follows SIGTERM on this run's own timer (agent shutdown escalates by itself).</summary>
    public bool EscalateOnTimer { get; private set; }

    public ITimer? Escalation { get; set; }

    public bool IsTerminal => TaskStates.IsTerminal(State);

    /// <summary>Completes when the run is over: terminal status reported and no process left.</summary>
    public Task Done => _done.Task;

    public void RequestKill(TimeSpan gracePeriod, bool escalateOnTimer)
    {
        KillRequested = true;
        KillGracePeriod = gracePeriod;
        EscalateOnTimer = escalateOnTimer;
    }

    public void MarkDone() => _done.TrySetResult();
}
