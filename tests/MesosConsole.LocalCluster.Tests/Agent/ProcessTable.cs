using System.Globalization;

namespace MesosConsole.LocalCluster.Tests.Agent;

/// <summary>What the kernel says about processes (/proc), to check that nothing outlives its task.</summary>
internal static class ProcessTable
{
    /// <summary>Whether the process exists and is not a zombie (a dead process nobody has reaped yet).</summary>
    public static bool IsRunning(int pid) => Stat(pid) is { } stat && stat.State is not ('Z' or 'X');

    /// <summary>Pids of non-zombie processes in the process group.</summary>
    public static IReadOnlyList<int> RunningMembersOfGroup(int groupId) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && Stat(pid) is { } stat && stat.Group == groupId && stat.State is not ('Z' or 'X'))
            .ToList();

    private static (char State, int Group)? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }

        // "pid (comm) S ppid pgrp ..."
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (fields[0][0], int.Parse(fields[2], CultureInfo.InvariantCulture));
    }
}
