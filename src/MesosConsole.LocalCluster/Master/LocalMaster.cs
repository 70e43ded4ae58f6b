using System.Net;
using MesosConsole.Allocation;
using MesosConsole.LocalCluster.Agent;
using MesosConsole.Mesos.V1;
using Microsoft.Extensions.Logging;

namespace MesosConsole.LocalCluster.Master;

/// <summary>Settings the master needs, derived from <see cref="Hosting.LocalClusterOptions"/>.</summary>
internal sealed record MasterSettings(
    string Hostname,
    TimeSpan AllocationInterval,
    TimeSpan HeartbeatInterval,
    TimeSpan? OfferTimeout,
    TimeSpan StatusUpdateRetry,
    TimeSpan AgentPingTimeout,
    string OperatorHeartbeats,
    string ClusterName);

/// <summary>
/// The embedded Mesos master: framework, agent, offer and task books, the allocator, reliable status
/// updates and the operator event stream. One lock guards all of it — the master is an actor in Mesos,
/// and a single lock keeps the same "one thing at a time" semantics with far less machinery.
/// HTTP handlers (see Http/) call in; agents report through <see cref="IAgentStatusSink"/>.
/// </summary>
internal sealed partial class LocalMaster : IAgentStatusSink, IDisposable
{
    public const string Version = ClusterVersion.Version;
    public static readonly TimeSpan DefaultRefuse = TimeSpan.FromSeconds(5);

    private readonly object _sync = new();
    private readonly MasterSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly HierarchicalAllocator _allocator;
    private readonly Dictionary<string, FrameworkRecord> _frameworks = new(StringComparer.Ordinal);
    private readonly LinkedList<FrameworkRecord> _completedFrameworks = new();
    private readonly Dictionary<string, AgentRecord> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OfferRecord> _offers = new(StringComparer.Ordinal);
    private readonly HashSet<TaskRecord> _tasksWithPendingUpdates = [];
    private readonly MasterCounters _counters = new();
    private ITimer? _retryTimer;
    private int _nextFramework;
    private long _nextOffer;

    public LocalMaster(MasterSettings settings, int port, TimeProvider time, ILoggerFactory loggerFactory)
    {
        _settings = settings;
        _time = time;
        _log = loggerFactory.CreateLogger("MesosConsole.LocalCluster.Master");
        Id = Guid.NewGuid().ToString();
        Port = port;
        StartTime = time.GetUtcNow();
        _allocator = new HierarchicalAllocator(
            new AllocatorOptions { AllocationInterval = settings.AllocationInterval }, time, OnOffersAllocated);
    }

    public string Id { get; }
    public int Port { get; private set; }
    public string Hostname => _settings.Hostname;
    public string Pid => $"master@{Hostname}:{Port}";
    public DateTimeOffset StartTime { get; }
    public DateTimeOffset ElectedTime => StartTime;
    public MasterSettings Settings => _settings;
    internal HierarchicalAllocator Allocator => _allocator;

    /// <summary>The port is known only once Kestrel bound it (port 0 picks a free one).</summary>
    public void SetPort(int port) => Port = port;

    public MasterInfo Info => new()
    {
        Id = Id,
        Ip = IpAsUInt32(Hostname),
        Port = Port,
        Pid = Pid,
        Hostname = Hostname,
        Version = Version,
        Address = new Address { Hostname = Hostname, Ip = Hostname, Port = Port },
    };

    public void Start()
    {
        _allocator.Start();
        var tick = TimeSpan.FromTicks(Math.Max(_settings.StatusUpdateRetry.Ticks / 4, TimeSpan.FromMilliseconds(50).Ticks));
        _retryTimer = _time.CreateTimer(_ => ResendDueUpdates(), null, tick, tick);
    }

    public void Dispose()
    {
        _retryTimer?.Dispose();
        _allocator.Dispose();
        _decisionFeed?.CloseAll();
        lock (_sync)
        {
            foreach (var framework in _frameworks.Values)
            {
                framework.HeartbeatTimer?.Dispose();
                framework.FailoverTimer?.Dispose();
                framework.Stream?.Close();
            }

            foreach (var offer in _offers.Values)
            {
                offer.Timeout?.Dispose();
            }

            foreach (var stream in _operatorStreams.Keys)
            {
                stream.Close();
            }
        }
    }

    private double Now => _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    private static TimeInfo TimeInfoOf(DateTimeOffset at) => new() { Nanoseconds = at.ToUnixTimeMilliseconds() * 1_000_000 };

    /// <summary>MasterInfo.ip: the IPv4 octets in network order, read as a little-endian uint32 (127.0.0.1 → 16777343).</summary>
    internal static uint IpAsUInt32(string host)
    {
        if (!IPAddress.TryParse(host, out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            address = IPAddress.Loopback;
        }

        return BitConverter.ToUInt32(address.GetAddressBytes(), 0);
    }
}
