using MesosConsole.LocalCluster.Agent;
using MesosConsole.LocalCluster.Master;
using MesosConsole.Mesos.V1;
using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.Benchmarks;

/// <summary>
/// An agent without processes for state benchmarks: it answers every launch at once with TASK_RUNNING,
/// and tasks whose name starts with "done" with TASK_FINISHED after that.
/// </summary>
internal sealed class SyntheticAgent(AgentID id, int index, IAgentStatusSink sink) : IAgentProcess
{
    public AgentID Id { get; } = id;
    public AgentInfo Info { get; } = new() { Id = id, Hostname = "127.0.0.1", Port = 20000 + index };
    public string Pid => $"slave({index})@127.0.0.1:{20000 + index}";
    public int Port => 20000 + index;
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    public void Launch(FrameworkInfo framework, TaskInfo task)
    {
        Report(framework.Id!, task, TaskState.TaskRunning);
        if (task.Name!.StartsWith("done", StringComparison.Ordinal))
        {
            Report(framework.Id!, task, TaskState.TaskFinished);
        }
    }

    private void Report(FrameworkID framework, TaskInfo task, TaskState state) => sink.OnStatusUpdate(Id, framework, new TaskStatus
    {
        TaskId = task.TaskId,
        State = state,
        Source = TaskStatusSource.SourceExecutor,
        AgentId = Id,
        ExecutorId = new ExecutorID(task.TaskId!.Value),
        Timestamp = 1764064800.5,
        Uuid = Guid.NewGuid().ToByteArray(),
        ContainerStatus = new ContainerStatus { ContainerId = new ContainerID(Guid.NewGuid().ToString()), ExecutorPid = 4242 },
    });

    public void Kill(FrameworkID frameworkId, TaskID taskId, TimeSpan? gracePeriod)
    {
    }

    public void ShutdownFramework(FrameworkID frameworkId)
    {
    }
}
