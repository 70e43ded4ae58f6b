namespace MesosConsole.Mesos.State;

/// <summary>
/// Which tasks changed in which snapshot version, newest first, as an immutable chain shared by
/// successive snapshots. It lets a watcher that last saw version v find what changed since in time
/// proportional to the changes, not to the number of tasks — the difference between diffing 100,000
/// tasks per update and looking at the one that moved. The chain is complete for versions after
/// <see cref="BaseVersion"/>; older history is dropped past <see cref="MaxLength"/> entries, and a
/// watcher further behind than that compares whole snapshots instead.
/// </summary>
public sealed class TaskChangeLog
{
    /// <summary>Enough for a watcher a few seconds behind a cluster with thousands of updates a second.</summary>
    public const int MaxLength = 32_768;

    private TaskChangeLog(long version, TaskKey key, TaskChangeLog? previous, long baseVersion, int length)
    {
        Version = version;
        Key = key;
        Previous = previous;
        BaseVersion = baseVersion;
        Length = length;
    }

    public long Version { get; }

    public TaskKey Key { get; }

    public TaskChangeLog? Previous { get; }

    /// <summary>Every task change after this version is in the chain.</summary>
    public long BaseVersion { get; }

    public int Length { get; }

    /// <summary>The chain with <paramref name="key"/> changed at <paramref name="version"/> added in front.</summary>
    public static TaskChangeLog Append(TaskChangeLog? log, long version, TaskKey key) =>
        log is null || log.Length >= MaxLength
            ? new TaskChangeLog(version, key, null, version - 1, 1)
            : new TaskChangeLog(version, key, log, log.BaseVersion, log.Length + 1);

    /// <summary>
    /// The tasks changed after <paramref name="version"/> (each once), or null when the chain does not
    /// reach back that far and the caller must compare whole snapshots.
    /// </summary>
    public IReadOnlyCollection<TaskKey>? Since(long version)
    {
        if (version < BaseVersion)
        {
            return null;
        }

        var keys = new HashSet<TaskKey>();
        for (var node = this; node is not null && node.Version > version; node = node.Previous)
        {
            keys.Add(node.Key);
        }

        return keys;
    }
}
