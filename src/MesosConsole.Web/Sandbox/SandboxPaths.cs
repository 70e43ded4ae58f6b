namespace MesosConsole.Web.Sandbox;

/// <summary>Paths as the files API takes them.</summary>
public static class SandboxPaths
{
    /// <summary>Throws a <see cref="SandboxException"/> unless <paramref name="path"/> is an absolute path.</summary>
    public static void Validate(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new SandboxException("A file path is required.");
        }

        if (!path.StartsWith('/'))
        {
            throw new SandboxException($"\"{path}\" is not an absolute path: the files API takes paths that start with '/'.");
        }
    }

    /// <summary>A child's path the way <c>/files/browse</c> builds it.</summary>
    public static string Combine(string directory, string name) => directory.TrimEnd('/') + "/" + name;

    /// <summary>The last segment of a path.</summary>
    public static string NameOf(string path)
    {
        var trimmed = path.TrimEnd('/');
        return trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }
}
