using System.Runtime.CompilerServices;
using MesosConsole.Web.Cluster;
using Microsoft.Extensions.Options;

namespace MesosConsole.Web.Sandbox;

/// <summary>
/// The process's tailers: one per (cluster, agent, file) however many pages and hub clients watch it,
/// and none for a file nobody watches. Counted by viewer: the first viewer starts a tailer, the last
/// to leave stops it.
/// </summary>
public sealed class SandboxTailers(TimeProvider time, IOptions<SandboxOptions> options, ILoggerFactory loggers)
    : IAsyncDisposable
{
    /// <summary>Lines handed to a viewer at once at most, so one render or hub message stays small.</summary>
    public const int MaxBatchLines = 5000;

    private readonly Lock _gate = new();
    private readonly Dictionary<TailerKey, Entry> _tailers = [];
    private readonly ILogger _logger = loggers.CreateLogger<FileTailer>();

    /// <summary>Tailers running now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _tailers.Count;
            }
        }
    }

    /// <summary>The tailer of a file, if someone watches it.</summary>
    public FileTailer? Find(string clusterId, string agentId, string path)
    {
        lock (_gate)
        {
            return _tailers.GetValueOrDefault(new TailerKey(clusterId, agentId, path))?.Tailer;
        }
    }

    /// <summary>
    /// A file's lines as they come: first the tailer's recent lines and status, then each batch of
    /// new ones. Checks its arguments now (<see cref="SandboxException"/>); the tailer is joined when
    /// enumeration starts and left when it ends.
    /// </summary>
    public IAsyncEnumerable<LogBatch> Follow(IConsoleCluster cluster, string agentId, string path)
    {
        SandboxPaths.Validate(path);
        var agentUrl = SandboxException.AgentUrl(cluster, agentId);
        return FollowAsync(cluster, new TailerKey(cluster.Info.Id, agentId, path), agentUrl, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        List<Entry> entries;
        lock (_gate)
        {
            entries = [.. _tailers.Values];
            _tailers.Clear();
        }

        foreach (var entry in entries)
        {
            await entry.Tailer.DisposeAsync();
            entry.Http.Dispose();
        }
    }

    private async IAsyncEnumerable<LogBatch> FollowAsync(IConsoleCluster cluster, TailerKey key, Uri agentUrl,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var entry = Join(cluster, key, agentUrl);
        var buffer = entry.Tailer.Subscribe();
        try
        {
            while (await buffer.ReadAsync(MaxBatchLines, cancellationToken) is { } batch)
            {
                yield return batch;
            }
        }
        finally
        {
            entry.Tailer.Unsubscribe(buffer);
            await LeaveAsync(key, entry);
        }
    }

    private Entry Join(IConsoleCluster cluster, TailerKey key, Uri agentUrl)
    {
        lock (_gate)
        {
            if (!_tailers.TryGetValue(key, out var entry))
            {
                var http = cluster.CreateHttpClient();
                var tailer = new FileTailer(new FilesApi(http, agentUrl), key.Path, time, options.Value, _logger);
                entry = new Entry(tailer, http);
                _tailers[key] = entry;
                tailer.Start();
            }

            entry.Viewers++;
            return entry;
        }
    }

    private async Task LeaveAsync(TailerKey key, Entry entry)
    {
        lock (_gate)
        {
            if (--entry.Viewers > 0)
            {
                return;
            }

            _tailers.Remove(key);
        }

        await entry.Tailer.DisposeAsync();
        entry.Http.Dispose();
    }

    private readonly record struct TailerKey(string ClusterId, string AgentId, string Path);

    private sealed class Entry(FileTailer tailer, HttpClient http)
    {
        public FileTailer Tailer => tailer;

        public HttpClient Http => http;

        /// <summary>Guarded by the registry's lock.</summary>
        public int Viewers { get; set; }
    }
}
