using System.ComponentModel;
using System.Diagnostics;
using MesosConsole.LocalCluster.Files;
using MesosConsole.Mesos.V1;
using Microsoft.Extensions.Logging;
using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.LocalCluster.Agent.Tasks;

/// <summary>
/// Runs command tasks the way Mesos's command executor does and reports each step:
/// STARTING and RUNNING once the process is up, then FINISHED / FAILED from its exit code, or KILLING
/// and KILLED when asked to stop (SIGTERM to the group, SIGKILL after the grace period).
/// </summary>
/// <remarks>
/// Nothing blocks a thread per task: a run is a short burst of work to spawn the process, then an await
/// on its exit. All transitions happen under the registry's gate; statuses are queued there, in order,
/// and delivered outside it by the <see cref="StatusOutbox"/>.
/// </remarks>
internal sealed class TaskSupervisor(
    AgentRuntime agent,
    TaskRegistry registry,
    SandboxFiles files,
    StatusOutbox outbox,
    ILogger log)
{
    private readonly StatusFactory _statuses = new(agent);
    private bool _stopping;

    private object Gate => registry.Gate;

    public void Launch(FrameworkInfo framework, TaskInfo task)
    {
        ArgumentNullException.ThrowIfNull(framework.Id, "framework.id");
        ArgumentNullException.ThrowIfNull(task.TaskId, "task.task_id");

        var containerId = new ContainerID(Guid.NewGuid().ToString());
        var sandbox = SandboxLayout.For(agent.WorkDir, agent.Id.Value, framework.Id.Value, task.TaskId.Value, containerId.Value);
        var run = new TaskRun(framework, task, containerId, sandbox);
        lock (Gate)
        {
            if (_stopping)
            {
                AgentLog.LaunchWhileStopping(log, task.TaskId.Value);
                return;
            }

            var entry = registry.Enter(framework);
            if (entry.Active.ContainsKey(task.TaskId.Value))
            {
                AgentLog.DuplicateTask(log, task.TaskId.Value, framework.Id.Value);
                return;
            }

            entry.Active.Add(task.TaskId.Value, run);
            if (entry.Terminating)
            {
                // As Mesos: a framework being shut down takes no new tasks.
                var state = framework.Has(FrameworkCapabilityType.PartitionAware) ? TaskState.TaskDropped : TaskState.TaskLost;
                Finish(run, _statuses.Create(run, state, TaskStatusSource.SourceAgent,
                    TaskStatusReason.ReasonFrameworkRemoved, "Framework terminating"));
                run.MarkDone();
                return;
            }
        }

        _ = Task.Run(() => RunAsync(run));
    }

    public void Kill(FrameworkID frameworkId, TaskID taskId, TimeSpan? gracePeriod)
    {
        lock (Gate)
        {
            if (registry.FindActive(frameworkId, taskId) is not { } run)
            {
                // Unknown or already terminal here: the master answers from what it knows.
                AgentLog.KillOfUnknownTask(log, taskId.Value);
                return;
            }

            RequestKill(run, gracePeriod ?? KillPolicyGrace(run.Task) ?? agent.Settings.DefaultKillGracePeriod,
                escalateOnTimer: true);
        }
    }

    public void ShutdownFramework(FrameworkID frameworkId)
    {
        lock (Gate)
        {
            if (registry.Find(frameworkId) is not { } framework)
            {
                return;
            }

            framework.Terminating = true;
            foreach (var run in framework.Active.Values)
            {
                RequestKill(run, agent.Settings.DefaultKillGracePeriod, escalateOnTimer: true);
            }

            registry.RetireIfDone(framework);
        }
    }

    public IReadOnlyCollection<TaskID> RunningTasks(FrameworkID frameworkId)
    {
        lock (Gate)
        {
            return registry.Find(frameworkId)?.Active.Values.Select(r => r.TaskId).ToArray() ?? [];
        }
    }

    /// <summary>
    /// Stops every run: SIGTERM now, SIGKILL to what is left after <paramref name="grace"/> (real time: this
    /// is shutdown, it must end even under a simulated clock), and returns once all runs are over.
    /// </summary>
    public async Task StopAllAsync(TimeSpan grace)
    {
        TaskRun[] runs;
        lock (Gate)
        {
            _stopping = true;
            runs = registry.ActiveRuns.ToArray();
            foreach (var run in runs)
            {
                RequestKill(run, grace, escalateOnTimer: false);
            }
        }

        var allDone = Task.WhenAll(runs.Select(r => r.Done));
        try
        {
            await allDone.WaitAsync(grace, TimeProvider.System);
        }
        catch (TimeoutException)
        {
            lock (Gate)
            {
                foreach (var run in runs.Where(r => r.Pid is not null && !r.Exited))
                {
                    ProcessGroup.Kill(run.Pid!.Value);
                }
            }

            await allDone;
        }
    }

    private async Task RunAsync(TaskRun run)
    {
        try
        {
            if (Prepare(run) is { } prepareError)
            {
                FailLaunch(run, prepareError);
                return;
            }

            lock (Gate)
            {
                if (run.KillRequested)
                {
                    Finish(run, _statuses.Create(run, TaskState.TaskKilled, TaskStatusSource.SourceAgent,
                        TaskStatusReason.ReasonTaskKilledDuringLaunch, "Task killed before delivery to the executor"));
                    return;
                }
            }

            Process process;
            try
            {
                process = CommandLauncher.Start(run, agent);
            }
            catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or IOException)
            {
                FailLaunch(run, "Failed to launch container: " + ex.Message);
                return;
            }

            using (process)
            {
                await SuperviseAsync(run, process);
            }
        }
        catch (Exception ex)
        {
            AgentLog.SupervisionFailed(log, ex, run.TaskId.Value);
            lock (Gate)
            {
                if (!run.IsTerminal)
                {
                    Finish(run, _statuses.Create(run, TaskState.TaskFailed, TaskStatusSource.SourceAgent,
                        TaskStatusReason.ReasonExecutorTerminated, "Agent failed to supervise the task: " + ex.Message));
                }
            }
        }
        finally
        {
            run.MarkDone();
        }
    }

    private async Task SuperviseAsync(TaskRun run, Process process)
    {
        var groupId = process.Id;
        lock (Gate)
        {
            run.Pid = groupId;
            Report(run, _statuses.Create(run, TaskState.TaskStarting, TaskStatusSource.SourceExecutor));
            Report(run, _statuses.Create(run, TaskState.TaskRunning, TaskStatusSource.SourceExecutor));
            if (run.KillRequested)
            {
                BeginTermination(run); // the kill came while the process was being spawned
            }
        }

        await process.WaitForExitAsync();
        var exitCode = process.ExitCode;
        lock (Gate)
        {
            run.Exited = true;
        }

        if (!await ProcessGroup.KillLeftoversAsync(groupId))
        {
            AgentLog.LeftoversSurvived(log, run.TaskId.Value, groupId);
        }

        lock (Gate)
        {
            var outcome = TerminalStatus.FromExitCode(exitCode, run.KillRequested);
            Finish(run, _statuses.Create(run, outcome.State, TaskStatusSource.SourceExecutor, outcome.Reason, outcome.Message));
        }
    }

    /// <summary>Creates the sandbox and serves it through the files API; returns why it failed, or null.</summary>
    private string? Prepare(TaskRun run)
    {
        if (run.Task.Executor is not null)
        {
            return "The embedded agent runs command tasks only (TaskInfo.command); custom executors are not supported";
        }

        if (run.Sandbox is not { } sandbox)
        {
            return "The task's ids cannot name a sandbox directory";
        }

        try
        {
            sandbox.Create();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "Failed to create the sandbox: " + ex.Message;
        }

        files.Attach(sandbox.RunDirectory, sandbox.RunDirectory);
        files.Attach(sandbox.LatestLink, sandbox.RunDirectory);
        files.Attach(sandbox.VirtualLatest, sandbox.RunDirectory);
        return null;
    }

    private void FailLaunch(TaskRun run, string message)
    {
        AgentLog.LaunchFailed(log, run.TaskId.Value, message);
        lock (Gate)
        {
            registry.Counters.LaunchErrors++;
            Finish(run, _statuses.Create(run, TaskState.TaskFailed, TaskStatusSource.SourceAgent,
                TaskStatusReason.ReasonContainerLaunchFailed, message));
        }
    }

    /// <summary>Records a kill request; signals right away when the process is up. Gate held.</summary>
    private void RequestKill(TaskRun run, TimeSpan gracePeriod, bool escalateOnTimer)
    {
        if (run.KillRequested)
        {
            return;
        }

        run.RequestKill(gracePeriod, escalateOnTimer);
        if (run.Pid is not null && !run.Exited)
        {
            BeginTermination(run);
        }
    }

    /// <summary>TASK_KILLING (if the framework wants it), SIGTERM to the group, SIGKILL on a timer. Gate held.</summary>
    private void BeginTermination(TaskRun run)
    {
        if (run.Terminating)
        {
            return;
        }

        run.Terminating = true;
        if (run.Framework.Has(FrameworkCapabilityType.TaskKillingState) && run.State == TaskState.TaskRunning)
        {
            Report(run, _statuses.Create(run, TaskState.TaskKilling, TaskStatusSource.SourceExecutor));
        }

        var groupId = run.Pid!.Value;
        if (run.KillGracePeriod <= TimeSpan.Zero)
        {
            ProcessGroup.Kill(groupId);
            return;
        }

        ProcessGroup.Terminate(groupId);
        if (run.EscalateOnTimer)
        {
            run.Escalation = agent.Time.CreateTimer(_ => Escalate(run), null, run.KillGracePeriod, Timeout.InfiniteTimeSpan);
        }
    }

    private void Escalate(TaskRun run)
    {
        lock (Gate)
        {
            if (!run.Exited && run.Pid is { } groupId)
            {
                ProcessGroup.Kill(groupId);
            }
        }
    }

    /// <summary>Sends a status and records it as the task's state. Gate held.</summary>
    private void Report(TaskRun run, TaskStatus status)
    {
        run.State = status.State!.Value;
        run.Statuses.Add(status);
        registry.Counters.Count(run.State);
        outbox.Post(run.FrameworkId, status);
    }

    /// <summary>Sends the terminal status and retires the run. Gate held.</summary>
    private void Finish(TaskRun run, TaskStatus status)
    {
        run.Escalation?.Dispose();
        run.Escalation = null;
        Report(run, status);
        registry.Complete(run);
    }

    private static TimeSpan? KillPolicyGrace(TaskInfo task) =>
        task.KillPolicy?.GracePeriod?.Nanoseconds is { } nanoseconds
            ? TimeSpan.FromTicks(nanoseconds / 100)
            : null;
}
