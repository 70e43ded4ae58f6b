using System.Diagnostics;
using MesosConsole.Mesos.V1;

namespace MesosConsole.LocalCluster.Agent.Tasks;

/// <summary>
/// Starts a command task as a real process: its own session and process group (via <c>setsid</c>, so the
/// whole group can be signalled), working directory = sandbox, stdin from /dev/null, stdout and stderr
/// redirected by the shell straight into the sandbox files — no output passes through .NET.
/// </summary>
/// <remarks>
/// One shell does it all, for speed (every exec counts at hundreds of tasks per second): its first line
/// applies the redirections to itself, the next line is the task's command, so the command still runs
/// as <c>sh -c</c> would run it, with <c>$0</c> = <c>sh</c> and syntax errors landing in the sandbox's
/// stderr (reported one line further down). The shell is the session leader, so its pid is also the
/// process group id.
/// </remarks>
internal static class CommandLauncher
{
    /// <summary>Looked up on PATH by setsid, so that <c>$0</c> is <c>sh</c> as under Mesos.</summary>
    private const string Shell = "sh";

    private const string Redirections = "exec </dev/null >stdout 2>stderr\n";

    // shell=false: value is the program, arguments its argv (argv[0] included, so it is skipped here).
    private const string ExecArguments = Redirections + "exec \"$@\"";

    private static readonly string? Setsid = FindProgram("setsid");

    /// <exception cref="InvalidOperationException">The command cannot be started (nothing to run, no setsid).</exception>
    /// <exception cref="System.ComponentModel.Win32Exception">The OS refused to start the process.</exception>
    public static Process Start(TaskRun run, AgentRuntime agent)
    {
        var command = run.Task.Command;
        if (string.IsNullOrEmpty(command?.Value))
        {
            throw new InvalidOperationException("The task has no command value to run.");
        }

        var start = new ProcessStartInfo(Setsid ?? throw new InvalidOperationException("'setsid' (util-linux) was not found on PATH."))
        {
            UseShellExecute = false,
            WorkingDirectory = run.Sandbox!.RunDirectory,
        };
        AddArguments(start.ArgumentList, command);
        TaskEnvironment.Apply(start.Environment, run, agent);

        var process = new Process { StartInfo = start };
        process.Start();
        return process;
    }

    /// <summary>Mesos's executor name for a command task, e.g. <c>Command Executor (Task: t) (Command: sh -c 'echo hello-f...')</c>.</summary>
    public static string ExecutorName(TaskInfo task)
    {
        var command = task.Command;
        var value = command?.Value ?? "";
        var shown = command?.Shell == false
            ? "[" + string.Join(", ", new[] { value }.Concat(command.Arguments?.Skip(1) ?? [])) + "]"
            : "sh -c '" + (value.Length > 15 ? value[..12] + "..." : value) + "'";
        return $"Command Executor (Task: {task.TaskId?.Value}) (Command: {shown})";
    }

    private static void AddArguments(ICollection<string> arguments, CommandInfo command)
    {
        arguments.Add(Shell);
        arguments.Add("-c");
        if (command.Shell != false)
        {
            arguments.Add(Redirections + command.Value);
            return;
        }

        arguments.Add(ExecArguments);
        arguments.Add(Shell); // $0
        arguments.Add(command.Value!);
        foreach (var argument in command.Arguments?.Skip(1) ?? [])
        {
            arguments.Add(argument);
        }
    }

    private static string? FindProgram(string name) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/bin")
            .Select(directory => Path.Join(directory, name))
            .FirstOrDefault(File.Exists);
}
