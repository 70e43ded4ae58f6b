using MesosConsole.Mesos.Client;
using MesosConsole.Web.Cluster;

namespace MesosConsole.Provisioning.Tests.Support;

/// <summary>The cluster chooser in memory: what the deploy page added, and with which run.</summary>
internal sealed class AnsibleFakeClusterCatalog : IClusterCatalog
{
    private readonly List<IConsoleCluster> _clusters = [new StubCluster(new ClusterInfo(ClusterInfo.DefaultId, "Embedded", ClusterKind.Embedded, []))];

    public List<(string Name, IReadOnlyList<Uri> MasterUrls, Guid? RunId)> Added { get; } = [];

    public IConsoleCluster Default => _clusters[0];

    public IReadOnlyList<IConsoleCluster> Clusters => _clusters;

    public event Action? Changed;

    public IConsoleCluster? Find(string id) => _clusters.FirstOrDefault(c => c.Info.Id == id);

    public Task<IConsoleCluster> AddAsync(string name, IReadOnlyList<Uri> masterUrls, CancellationToken cancellationToken, Guid? deploymentRunId = null)
    {
        if (_clusters.Any(c => string.Equals(c.Info.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"There is already a cluster named \"{name}\".", nameof(name));
        }

        Added.Add((name, masterUrls, deploymentRunId));
        var cluster = new StubCluster(new ClusterInfo("stored-" + name, name, ClusterKind.Stored, masterUrls));
        _clusters.Add(cluster);
        Changed?.Invoke();
        return Task.FromResult<IConsoleCluster>(cluster);
    }

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>Only its identity matters to the deploy page; nothing watches it.</summary>
    private sealed class StubCluster(ClusterInfo info) : IConsoleCluster
    {
        public ClusterInfo Info { get; } = info;

        public IClusterStateFeed State => throw new NotSupportedException();

        public IMesosOperatorClient Operator => throw new NotSupportedException();

        public Task<Uri> GetLeaderUrlAsync(CancellationToken cancellationToken) => Task.FromResult(Info.MasterUrls[0]);

        public HttpClient CreateHttpClient() => throw new NotSupportedException();
    }
}
