namespace MesosConsole.LocalCluster.Files;

/// <summary>One directory member as the files API lists it: its path as requested plus its stat.</summary>
internal sealed record FileListingEntry(string Path, FileStatus Status);

/// <summary>Lists a resolved directory for /files/browse and the operator LIST_FILES call.</summary>
internal static class FileListing
{
    /// <summary>
    /// Members of <paramref name="realPath"/>, named under <paramref name="requestedPath"/> and sorted by
    /// path like Mesos. A regular file lists as empty (Mesos answers <c>[]</c> for <c>/slave/log</c>).
    /// Members that vanish or dangle while listing are skipped.
    /// </summary>
    public static IReadOnlyList<FileListingEntry> List(string requestedPath, string realPath)
    {
        if (!Directory.Exists(realPath))
        {
            return [];
        }

        var prefix = requestedPath.TrimEnd('/') + "/";
        var entries = new List<FileListingEntry>();
        foreach (var member in Directory.EnumerateFileSystemEntries(realPath))
        {
            if (FileStatus.Of(member) is { } status)
            {
                entries.Add(new FileListingEntry(prefix + System.IO.Path.GetFileName(member), status));
            }
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return entries;
    }
}
