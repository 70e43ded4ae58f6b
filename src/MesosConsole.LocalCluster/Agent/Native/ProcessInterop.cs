using System.Runtime.InteropServices;

namespace MesosConsole.LocalCluster.Agent.Native;

/// <summary>
/// kill(2), for signalling a task's whole process group: .NET can only kill single processes or
/// descendant trees it can see, while a task's background children live on in its group.
/// </summary>
internal static partial class ProcessInterop
{
    public const int SigKill = 9;
    public const int SigTerm = 15;
    private const int NoSuchProcess = 3; // ESRCH

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    /// <summary>Sends <paramref name="signal"/> to every process in the group; false when the group is empty.</summary>
    public static bool SignalGroup(int processGroupId, int signal)
    {
        // kill(-pgid) targets the group; a pgid of 0 or 1 would hit our own group or everything.
        if (processGroupId <= 1)
        {
            return false;
        }

        return Kill(-processGroupId, signal) == 0 || Marshal.GetLastPInvokeError() != NoSuchProcess;
    }

    /// <summary>
    /// Signals a live task: its group, or — when the group does not exist yet because the freshly started
    /// process has not reached its setsid() call — the process itself. It has no children at that point,
    /// and whatever it starts later is swept with its group when it exits.
    /// </summary>
    public static void SignalTask(int leaderPid, int signal)
    {
        if (!SignalGroup(leaderPid, signal) && leaderPid > 1)
        {
            Kill(leaderPid, signal);
        }
    }
}
