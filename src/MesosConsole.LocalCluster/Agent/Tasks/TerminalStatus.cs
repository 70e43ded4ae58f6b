using MesosConsole.Mesos.V1;

namespace MesosConsole.LocalCluster.Agent.Tasks;

/// <summary>How a finished task is reported, following Mesos's command executor.</summary>
internal readonly record struct TerminalStatus(TaskState State, TaskStatusReason? Reason, string Message)
{
    /// <summary>
    /// From the main process's exit code. .NET reports a death by signal n as 128 + n, the same number an
    /// exit(128 + n) gives, so a code above 128 is read as a signal only when the agent sent one (a kill).
    /// As in Mesos, a task that exits 0 after being asked to stop still FINISHED.
    /// </summary>
    public static TerminalStatus FromExitCode(int exitCode, bool killRequested)
    {
        if (exitCode == 0)
        {
            return new TerminalStatus(TaskState.TaskFinished, null, "Command exited with status 0");
        }

        var description = killRequested && exitCode is > 128 and <= 128 + 64
            ? "Command terminated with signal " + SignalNames.Describe(exitCode - 128)
            : FormattableString.Invariant($"Command exited with status {exitCode}");
        return killRequested
            ? new TerminalStatus(TaskState.TaskKilled, null, description)
            : new TerminalStatus(TaskState.TaskFailed, TaskStatusReason.ReasonCommandExecutorFailed, description);
    }
}
