namespace MesosConsole.Web.Sandbox;

/// <summary>One member of a sandbox directory, as <c>/files/browse</c> lists it.</summary>
/// <param name="Path">The full path to pass back to the files API (the browsed path + "/" + name).</param>
/// <param name="Mode">The <c>ls -l</c> style mode, e.g. <c>drwxr-xr-x</c>.</param>
public sealed record SandboxEntry(string Path, long Size, string Mode, DateTimeOffset Modified, string? Uid, string? Gid)
{
    public string Name => Path[(Path.TrimEnd('/').LastIndexOf('/') + 1)..].TrimEnd('/');

    public bool IsDirectory => Mode.StartsWith('d');
}
