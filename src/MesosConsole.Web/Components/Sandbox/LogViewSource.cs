namespace MesosConsole.Web.Components.Sandbox;

/// <summary>A file the log view follows: where it is, and the prefix its lines get in a merged view.</summary>
public sealed record LogViewSource(string AgentId, string Path, string Label)
{
    /// <summary>Line prefixes in a merged view cycle through these (readable on light and dark backgrounds).</summary>
    public static readonly IReadOnlyList<string> Colors =
        ["#1e88e5", "#43a047", "#e53935", "#8e24aa", "#fb8c00", "#00897b", "#6d4c41", "#3949ab"];

    public static string ColorOf(int index) => Colors[((index % Colors.Count) + Colors.Count) % Colors.Count];
}
