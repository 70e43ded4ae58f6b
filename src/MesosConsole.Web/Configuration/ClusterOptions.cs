namespace MesosConsole.Web.Configuration;

/// <summary>
/// The <c>Cluster</c> section: which cluster the console talks to. Environment form:
/// <c>Cluster__Mode</c>, <c>Cluster__MasterUrls__0</c>, <c>Cluster__MasterUrls__1</c>, …
/// </summary>
public sealed class ClusterOptions
{
    public const string SectionName = "Cluster";

    /// <summary>
    /// <c>Embedded</c> (default) or <c>Remote</c>, case-insensitive. Kept as text so that a misspelt
    /// mode is reported together with every other configuration error, not as a binding crash.
    /// </summary>
    public string Mode { get; set; } = nameof(ClusterMode.Embedded);

    /// <summary>
    /// Remote mode: base URLs of the cluster's masters (one or more, e.g. <c>http://10.0.0.5:5050</c>).
    /// The leader among them is found through <c>/master/redirect</c>. Ignored in embedded mode.
    /// </summary>
    public List<string> MasterUrls { get; set; } = [];

    /// <summary>The mode by name only: numbers such as "1" are not a way to spell a mode.</summary>
    public bool TryGetMode(out ClusterMode mode)
    {
        var name = Enum.GetNames<ClusterMode>().FirstOrDefault(n => string.Equals(n, Mode?.Trim(), StringComparison.OrdinalIgnoreCase));
        mode = name is null ? default : Enum.Parse<ClusterMode>(name);
        return name is not null;
    }
}
