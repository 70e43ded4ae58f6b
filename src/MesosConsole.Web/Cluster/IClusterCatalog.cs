namespace MesosConsole.Web.Cluster;

/// <summary>
/// Every cluster the console knows: the one configuration gives (embedded or remote) first, then the
/// ones stored in the console database. Each is watched by one subscription on the server for as
/// long as it is in the catalog.
/// </summary>
public interface IClusterCatalog
{
    /// <summary>The cluster configuration gives; shown when nobody chose another.</summary>
    IConsoleCluster Default { get; }

    /// <summary>All clusters, <see cref="Default"/> first, the stored ones by name.</summary>
    IReadOnlyList<IConsoleCluster> Clusters { get; }

    /// <summary>Raised after a cluster is added or removed.</summary>
    event Action? Changed;

    IConsoleCluster? Find(string id);

    /// <summary>
    /// Stores a remote cluster and starts watching it. Throws <see cref="ArgumentException"/> with a
    /// message fit for a form when the name is taken or empty, or a URL is not an absolute http(s) URL.
    /// </summary>
    Task<IConsoleCluster> AddAsync(string name, IReadOnlyList<Uri> masterUrls, CancellationToken cancellationToken,
        Guid? deploymentRunId = null);

    /// <summary>Stops watching a stored cluster and forgets it. The default cluster cannot be removed.</summary>
    Task<bool> RemoveAsync(string id, CancellationToken cancellationToken);
}
