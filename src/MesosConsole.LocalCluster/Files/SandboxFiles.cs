using System.Collections.Concurrent;
using MesosConsole.LocalCluster.Files.Native;

namespace MesosConsole.LocalCluster.Files;

/// <summary>
/// The files service of one agent (Mesos's FilesProcess): only attached paths are served. A request
/// path is matched against the attachments by its longest attached prefix; the rest is looked up inside
/// that attached directory and must stay inside it after <c>..</c> and symlinks are resolved.
/// </summary>
/// <remarks>
/// Attachments are kept after a task ends so finished sandboxes stay browsable, as in Mesos (which only
/// detaches when it garbage-collects the sandbox).
/// </remarks>
public sealed class SandboxFiles
{
    private readonly ConcurrentDictionary<string, string> _attachments = new(StringComparer.Ordinal);

    /// <summary>
    /// Serves <paramref name="realPath"/> (a file or directory) under <paramref name="virtualPath"/>.
    /// The real path must be canonical (no symlinks): it is the jail that resolved paths are checked against.
    /// </summary>
    public void Attach(string virtualPath, string realPath) =>
        _attachments[Normalize(virtualPath)] = realPath.Length > 1 ? realPath.TrimEnd('/') : realPath;

    /// <summary>Virtual path → real path, what <c>/files/debug</c> shows.</summary>
    public IReadOnlyDictionary<string, string> Attachments() =>
        new SortedDictionary<string, string>(_attachments, StringComparer.Ordinal);

    /// <summary>The real path behind a requested path, or null when it is not attached, missing, or escapes its attachment.</summary>
    public string? Resolve(string requestedPath)
    {
        var segments = requestedPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var prefixLength = segments.Length; prefixLength > 0; prefixLength--)
        {
            var prefix = "/" + string.Join('/', segments, 0, prefixLength);
            if (!_attachments.TryGetValue(prefix, out var root))
            {
                continue;
            }

            if (prefixLength == segments.Length)
            {
                return Path.Exists(root) ? root : null;
            }

            return ResolveInside(root, string.Join('/', segments, prefixLength, segments.Length - prefixLength));
        }

        return null;
    }

    private static string? ResolveInside(string root, string relative)
    {
        var real = FilesInterop.Realpath(root + "/" + relative);
        if (real is null)
        {
            return null;
        }

        // A ".." or a symlink (e.g. one a task planted in its sandbox) must not lead outside the attachment.
        var inside = real == root || real.StartsWith(root == "/" ? root : root + "/", StringComparison.Ordinal);
        return inside ? real : null;
    }

    /// <summary>Attachment keys are "/"-separated without empty segments, as Mesos tokenizes them.</summary>
    private static string Normalize(string path) =>
        "/" + string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries));
}
