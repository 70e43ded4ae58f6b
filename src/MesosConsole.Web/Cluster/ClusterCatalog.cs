using System.Collections.Immutable;
using System.Text;
using MesosConsole.Data;
using MesosConsole.Data.Clusters;
using MesosConsole.Mesos.Client;
using MesosConsole.Mesos.State;
using MesosConsole.Web.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesosConsole.Web.Cluster;

/// <summary>
/// The clusters of the chooser. The default one is built from configuration and its services belong
/// to the host; each stored one gets its own connection and state store here, started when it is
/// loaded or added and disposed when it is removed or the host stops.
/// </summary>
public sealed partial class ClusterCatalog : IClusterCatalog, IHostedService, IAsyncDisposable
{
    private readonly IDbContextFactory<ConsoleDbContext> _database;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly ClusterStateStoreOptions _storeOptions;
    private readonly SemaphoreSlim _writes = new(1, 1);
    private ImmutableList<ConsoleCluster> _stored = [];

    public ClusterCatalog(
        IOptions<ClusterOptions> options,
        ClusterConnection connection,
        IMesosOperatorClient operatorClient,
        IClusterStateFeed defaultState,
        IDbContextFactory<ConsoleDbContext> database,
        IHttpClientFactory httpClientFactory,
        IOptions<ClusterStateStoreOptions> storeOptions,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        _database = database;
        _httpClientFactory = httpClientFactory;
        _time = time;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<ClusterCatalog>();
        _storeOptions = storeOptions.Value;
        Default = new ConsoleCluster(DescribeDefault(options.Value), connection, operatorClient, defaultState, httpClientFactory);
    }

    public IConsoleCluster Default { get; }

    public IReadOnlyList<IConsoleCluster> Clusters => [Default, .. _stored];

    public event Action? Changed;

    public IConsoleCluster? Find(string id) =>
        id == Default.Info.Id ? Default : _stored.Find(c => c.Info.Id == id);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await _database.CreateDbContextAsync(cancellationToken);
        var entries = await db.Clusters.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase))
        {
            _stored = _stored.Add(await StartWatchingAsync(entry, cancellationToken));
        }
    }

    public async Task<IConsoleCluster> AddAsync(string name, IReadOnlyList<Uri> masterUrls, CancellationToken cancellationToken,
        Guid? deploymentRunId = null)
    {
        name = name.Trim();
        await _writes.WaitAsync(cancellationToken);
        try
        {
            Validate(name, masterUrls);
            var entry = new ClusterEntry
            {
                Id = NewId(name),
                Name = name,
                MasterUrls = [.. masterUrls.Select(u => MasterUrls.Normalize(u).ToString())],
                Origin = deploymentRunId is null ? ClusterOrigin.Manual : ClusterOrigin.Deployed,
                DeploymentRunId = deploymentRunId,
                CreatedAt = _time.GetUtcNow(),
            };
            await using (var db = await _database.CreateDbContextAsync(cancellationToken))
            {
                db.Clusters.Add(entry);
                await db.SaveChangesAsync(cancellationToken);
            }

            var cluster = await StartWatchingAsync(entry, cancellationToken);
            _stored = _stored.Add(cluster).Sort((a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Info.Name, b.Info.Name));
            LogAdded(_logger, entry.Name, entry.Id);
            Changed?.Invoke();
            return cluster;
        }
        finally
        {
            _writes.Release();
        }
    }

    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        await _writes.WaitAsync(cancellationToken);
        try
        {
            var cluster = _stored.Find(c => c.Info.Id == id);
            if (cluster is null)
            {
                return false;
            }

            await using (var db = await _database.CreateDbContextAsync(cancellationToken))
            {
                await db.Clusters.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken);
            }

            _stored = _stored.Remove(cluster);
            Changed?.Invoke();
            await cluster.DisposeAsync();
            return true;
        }
        finally
        {
            _writes.Release();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        var stored = Interlocked.Exchange(ref _stored, []);
        foreach (var cluster in stored)
        {
            await cluster.DisposeAsync();
        }
    }

    private async Task<ConsoleCluster> StartWatchingAsync(ClusterEntry entry, CancellationToken cancellationToken)
    {
        var masters = entry.MasterUrls.Select(u => new Uri(u)).ToList();
        var connection = new ClusterConnection(new LeaderDetectingMasterLocator(_httpClientFactory, masters), _httpClientFactory,
            _loggerFactory.CreateLogger<ClusterConnection>());
        var store = new ClusterStateStore(ClusterStateServiceCollectionExtensions.SubscribeThrough(connection), _storeOptions, _time);
        await store.StartAsync(cancellationToken);
        var info = new ClusterInfo(entry.Id, entry.Name, ClusterKind.Stored, masters);
        var feed = new ClusterStateService(store);
        return new ConsoleCluster(info, connection, connection.Operator, feed, _httpClientFactory, feed);
    }

    private void Validate(string name, IReadOnlyList<Uri> masterUrls)
    {
        if (name.Length == 0)
        {
            throw new ArgumentException("Give the cluster a name.", nameof(name));
        }

        if (name.Length > ClusterEntry.NameMaxLength)
        {
            throw new ArgumentException($"A cluster name has at most {ClusterEntry.NameMaxLength} characters.", nameof(name));
        }

        if (Clusters.Any(c => string.Equals(c.Info.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"There is already a cluster named \"{name}\".", nameof(name));
        }

        if (masterUrls.Count == 0)
        {
            throw new ArgumentException("Give at least one master URL, e.g. http://10.0.0.5:5050.", nameof(masterUrls));
        }

        foreach (var url in masterUrls)
        {
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"\"{url}\" is not an http:// or https:// URL of a master.", nameof(masterUrls));
            }
        }
    }

    /// <summary>A slug of the name, made unique: readable in links and hub calls.</summary>
    private string NewId(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var stem = slug.ToString().Trim('-') is { Length: > 0 } s ? s[..Math.Min(s.Length, 48)] : "cluster";
        var id = stem;
        for (var n = 2; Find(id) is not null; n++)
        {
            id = $"{stem}-{n}";
        }

        return id;
    }

    private static ClusterInfo DescribeDefault(ClusterOptions options)
    {
        if (options.TryGetMode(out var mode) && mode == ClusterMode.Remote)
        {
            var masters = options.MasterUrls.Select(u => new Uri(u)).ToList();
            var name = masters.Count > 0 ? masters[0].Authority : "Configured cluster";
            return new ClusterInfo(ClusterInfo.DefaultId, name, ClusterKind.Configured, masters);
        }

        return new ClusterInfo(ClusterInfo.DefaultId, "Local (embedded)", ClusterKind.Embedded, []);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Added cluster {Name} ({Id}) to the catalog")]
    private static partial void LogAdded(ILogger logger, string name, string id);
}
