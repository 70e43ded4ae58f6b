namespace MesosConsole.Data.Clusters;

/// <summary>Where a remote cluster in the chooser came from.</summary>
public enum ClusterOrigin
{
    /// <summary>Typed into the cluster chooser.</summary>
    Manual,

    /// <summary>Added by a successful deployment run.</summary>
    Deployed,
}

/// <summary>
/// A remote Mesos cluster the console can watch: a name and the masters to find the leader among.
/// The embedded cluster is not stored; it exists while the console runs in embedded mode.
/// </summary>
public sealed class ClusterEntry
{
    public const int NameMaxLength = 100;

    /// <summary>Short, URL-safe and stable: pages and the hub name a cluster by it.</summary>
    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Base URLs of the masters (one, or all of an HA group), e.g. <c>http://10.0.0.5:5050</c>.</summary>
    public List<string> MasterUrls { get; set; } = [];

    public ClusterOrigin Origin { get; set; }

    /// <summary>The deployment run that made it, for <see cref="ClusterOrigin.Deployed"/>.</summary>
    public Guid? DeploymentRunId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
