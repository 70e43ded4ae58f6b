namespace MesosConsole.LocalCluster.Agent.Tasks;

/// <summary>Signal descriptions as glibc's strsignal words them, for "Command terminated with signal …".</summary>
internal static class SignalNames
{
    private static readonly string[] Descriptions =
    [
        "Unknown signal 0", "Hangup", "Interrupt", "Quit", "Illegal instruction", "Trace/breakpoint trap",
        "Aborted", "Bus error", "Floating point exception", "Killed", "User defined signal 1",
        "Segmentation fault", "User defined signal 2", "Broken pipe", "Alarm clock", "Terminated",
        "Stack fault", "Child exited", "Continued", "Stopped (signal)", "Stopped", "Stopped (tty input)",
        "Stopped (tty output)", "Urgent I/O condition", "CPU time limit exceeded", "File size limit exceeded",
        "Virtual timer expired", "Profiling timer expired", "Window changed", "I/O possible", "Power failure",
        "Bad system call",
    ];

    public static string Describe(int signal) =>
        signal >= 0 && signal < Descriptions.Length
            ? Descriptions[signal]
            : FormattableString.Invariant($"Real-time signal {signal - 34}");
}
