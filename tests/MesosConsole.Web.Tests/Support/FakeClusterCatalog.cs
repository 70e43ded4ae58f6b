using MesosConsole.Web.Cluster;

namespace MesosConsole.Web.Tests.Support;

/// <summary>The catalog in memory: the default cluster plus whatever a test adds.</summary>
public sealed class FakeClusterCatalog(FakeConsoleCluster defaultCluster) : IClusterCatalog
{
    private readonly List<IConsoleCluster> _others = [];

    public IConsoleCluster Default => defaultCluster;

    public IReadOnlyList<IConsoleCluster> Clusters => [defaultCluster, .. _others];

    public event Action? Changed;

    public IConsoleCluster? Find(string id) => Clusters.FirstOrDefault(c => c.Info.Id == id);

    public void Add(IConsoleCluster cluster)
    {
        _others.Add(cluster);
        Changed?.Invoke();
    }

    public Task<IConsoleCluster> AddAsync(string name, IReadOnlyList<Uri> masterUrls, CancellationToken cancellationToken,
        Guid? deploymentRunId = null)
    {
        if (Clusters.Any(c => string.Equals(c.Info.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"There is already a cluster named \"{name}\".", nameof(name));
        }

        var cluster = new FakeConsoleCluster(new ClusterInfo(name.ToLowerInvariant(), name, ClusterKind.Stored, masterUrls),
            new FakeClusterStateFeed(), new FakeOperatorClient());
        Add(cluster);
        return Task.FromResult<IConsoleCluster>(cluster);
    }

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        var removed = _others.RemoveAll(c => c.Info.Id == id) > 0;
        if (removed)
        {
            Changed?.Invoke();
        }

        return Task.FromResult(removed);
    }
}
