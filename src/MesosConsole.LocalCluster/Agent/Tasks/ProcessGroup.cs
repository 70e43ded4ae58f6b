using System.Globalization;
using MesosConsole.LocalCluster.Agent.Native;

namespace MesosConsole.LocalCluster.Agent.Tasks;

/// <summary>
/// A task's process group (its main process is the session and group leader, so the group id is its pid).
/// No process may outlive its task: once the main process has exited, whatever it left behind is killed.
/// </summary>
internal static class ProcessGroup
{
    // Waiting on the kernel to deliver SIGKILL, not on simulated time: these delays are real.
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan MaxPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(10);

    /// <summary>SIGTERM to a running task's group (or its leader, before the group exists).</summary>
    public static void Terminate(int groupId) => ProcessInterop.SignalTask(groupId, ProcessInterop.SigTerm);

    /// <summary>SIGKILL to a running task's group (or its leader, before the group exists).</summary>
    public static void Kill(int groupId) => ProcessInterop.SignalTask(groupId, ProcessInterop.SigKill);

    /// <summary>
    /// SIGKILLs what is left of the group and returns once none of it runs any more, so that a terminal
    /// status is only reported for a task that is really gone. Usually the group is already empty (one
    /// syscall); only tasks that left background children pay for the wait.
    /// </summary>
    /// <returns>False when members survived <see cref="GiveUpAfter"/> (e.g. stuck in uninterruptible I/O).</returns>
    public static async Task<bool> KillLeftoversAsync(int groupId)
    {
        if (!ProcessInterop.SignalGroup(groupId, ProcessInterop.SigKill))
        {
            return true;
        }

        var delay = FirstPoll;
        var waited = TimeSpan.Zero;
        while (HasLiveMembers(groupId))
        {
            if (waited >= GiveUpAfter)
            {
                return false;
            }

            await Task.Delay(delay);
            waited += delay;
            delay = delay * 2 < MaxPoll ? delay * 2 : MaxPoll;
            ProcessInterop.SignalGroup(groupId, ProcessInterop.SigKill);
        }

        return true;
    }

    /// <summary>
    /// Whether a process of the group still runs. Zombies do not count: killed orphans are re-parented to
    /// init, and an init that does not reap (as in some containers) would otherwise keep the group "alive".
    /// </summary>
    internal static bool HasLiveMembers(int groupId)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(directory);
            if (name.Length == 0 || !char.IsAsciiDigit(name[0]))
            {
                continue;
            }

            if (ReadStat(directory) is { } member && member.Group == groupId && member.State is not ('Z' or 'X'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>State and process group from /proc/&lt;pid&gt;/stat; null when the process is gone.</summary>
    private static (char State, int Group)? ReadStat(string procDirectory)
    {
        string stat;
        try
        {
            stat = File.ReadAllText(procDirectory + "/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) S ppid pgrp …": comm may hold spaces and parentheses, so parse after the last ')'.
        var fields = stat.AsSpan(stat.LastIndexOf(')') + 2);
        Span<Range> parts = stackalloc Range[4];
        if (fields.Split(parts, ' ') < 4
            || !int.TryParse(fields[parts[2]], NumberStyles.None, CultureInfo.InvariantCulture, out var group))
        {
            return null;
        }

        return (fields[parts[0]][0], group);
    }
}
