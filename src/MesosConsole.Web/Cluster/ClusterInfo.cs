namespace MesosConsole.Web.Cluster;

/// <summary>How the console knows a cluster.</summary>
public enum ClusterKind
{
    /// <summary>The single-machine cluster the console started itself (<c>Cluster:Mode = Embedded</c>).</summary>
    Embedded,

    /// <summary>The masters named in configuration (<c>Cluster:Mode = Remote</c>).</summary>
    Configured,

    /// <summary>Added in the cluster chooser or by a deployment, stored in the console database.</summary>
    Stored,
}

/// <summary>
/// A cluster as the chooser lists it. <see cref="Id"/> is stable and URL-safe: the hub and links name
/// a cluster by it. <see cref="MasterUrls"/> is empty for the embedded cluster (its master is found
/// when it has started).
/// </summary>
public sealed record ClusterInfo(string Id, string Name, ClusterKind Kind, IReadOnlyList<Uri> MasterUrls)
{
    /// <summary>The id of the cluster given by configuration: the embedded one, or the configured remote one.</summary>
    public const string DefaultId = "default";
}
