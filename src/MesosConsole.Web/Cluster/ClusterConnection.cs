using MesosConsole.Mesos.Client;

namespace MesosConsole.Web.Cluster;

/// <summary>
/// The console's one way into the cluster: it knows which master leads and hands out operator
/// clients for it. The leader is looked up once and kept until a call to it fails, then looked up
/// again on the next call, so a failover is followed without restarting the console.
/// </summary>
public sealed partial class ClusterConnection
{
    /// <summary>The named <see cref="HttpClient"/> for Mesos calls (redirects not followed).</summary>
    public const string HttpClientName = "mesos";

    private readonly IMasterLocator _locator;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly ILogger<ClusterConnection> _logger;
    private readonly Lock _gate = new();
    private Task<Uri>? _leader;

    public ClusterConnection(IMasterLocator locator, IHttpClientFactory httpClientFactory, ILogger<ClusterConnection> logger)
    {
        _locator = locator;
        _httpClientFactory = httpClientFactory;
        _logger = logger;
        Operator = new LeadingMasterOperatorClient(this);
    }

    /// <summary>The operator API of whichever master leads at the time of each call.</summary>
    public IMesosOperatorClient Operator { get; }

    /// <summary>The leading master's base URL, looked up if not known.</summary>
    public Task<Uri> GetLeaderUrlAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // A failed lookup is not remembered: this call tries again.
            if (_leader is { IsFaulted: true } or { IsCanceled: true })
            {
                _leader = null;
            }

            // One lookup shared by every caller; a caller giving up does not cancel it for the others.
            _leader ??= LocateAsync();
            return _leader.WaitAsync(cancellationToken);
        }
    }

    /// <summary>An operator client bound to the current leader.</summary>
    public async Task<MesosOperatorClient> GetOperatorClientAsync(CancellationToken cancellationToken) =>
        new(_httpClientFactory.CreateClient(HttpClientName), await GetLeaderUrlAsync(cancellationToken));

    /// <summary>
    /// The operator API of the current leader, fixed to that master: a stream's calls all go to one
    /// master, and a failure makes the connection look the leader up again next time.
    /// </summary>
    public async Task<IMesosOperatorClient> ConnectToLeaderAsync(CancellationToken cancellationToken) =>
        new LeadingMasterOperatorClient(this, await GetOperatorClientAsync(cancellationToken));

    /// <summary>A call to <paramref name="leader"/> failed: look the leader up again next time.</summary>
    public void ForgetLeader(Uri leader)
    {
        lock (_gate)
        {
            if (_leader is { IsCompletedSuccessfully: true } known && known.Result == leader)
            {
                _leader = null;
                LogLeaderLost(_logger, leader);
            }
        }
    }

    private async Task<Uri> LocateAsync()
    {
        var leader = MasterUrls.Normalize(await _locator.LocateAsync(CancellationToken.None));
        LogLeaderFound(_logger, leader);
        return leader;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The leading master is {Leader}")]
    private static partial void LogLeaderFound(ILogger logger, Uri leader);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lost the leading master {Leader}; it will be looked up again")]
    private static partial void LogLeaderLost(ILogger logger, Uri leader);
}
