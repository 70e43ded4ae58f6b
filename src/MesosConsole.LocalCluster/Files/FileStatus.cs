using System.Collections.Concurrent;
using System.Globalization;
using MesosConsole.LocalCluster.Files.Native;

namespace MesosConsole.LocalCluster.Files;

/// <summary>What the files API reports about one file: stat(2) fields, owner names, whole-second mtime.</summary>
/// <param name="Mode">The POSIX st_mode (file type and permission bits), e.g. 33188 for a 0644 regular file.</param>
/// <param name="MtimeSeconds">Whole seconds, as Mesos reports (it uses st_mtime, not the nanosecond part).</param>
internal sealed record FileStatus(uint Mode, long Nlink, ulong Size, long MtimeSeconds, string Uid, string Gid)
{
    private const uint TypeMask = 0xF000;
    private const uint DirectoryType = 0x4000;

    private static readonly ConcurrentDictionary<uint, string> UserNames = new();
    private static readonly ConcurrentDictionary<uint, string> GroupNames = new();

    public bool IsDirectory => (Mode & TypeMask) == DirectoryType;

    /// <summary>Stats a path (following symlinks); null when it does not exist.</summary>
    public static FileStatus? Of(string path)
    {
        if (!FilesInterop.TryStat(path, out var stat))
        {
            return null;
        }

        return new FileStatus(stat.Mode, stat.Nlink, stat.Size, stat.MtimeSeconds,
            UserNames.GetOrAdd(stat.Uid, id => FilesInterop.UserName(id) ?? id.ToString(CultureInfo.InvariantCulture)),
            GroupNames.GetOrAdd(stat.Gid, id => FilesInterop.GroupName(id) ?? id.ToString(CultureInfo.InvariantCulture)));
    }
}
