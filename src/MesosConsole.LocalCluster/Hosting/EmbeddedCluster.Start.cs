using MesosConsole.Allocation;
using MesosConsole.LocalCluster.Agent;
using MesosConsole.LocalCluster.Http;
using MesosConsole.LocalCluster.Master;
using MesosConsole.Mesos.V1;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MesosConsole.LocalCluster.Hosting;

public sealed partial class EmbeddedCluster
{
    private LocalMaster? _master;
    private MasterHttpHost? _masterHost;
    private readonly List<LocalAgent> _agents = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly HttpClient _probe = new();
    private Task _agentMonitor = Task.CompletedTask;
    private bool _ownsWorkDir;

    internal LocalMaster Master => _master!;

    internal IReadOnlyList<LocalAgent> Agents => _agents;

    private static async Task<EmbeddedCluster> StartCoreAsync(LocalClusterOptions options, ILoggerFactory? loggerFactory,
        TimeProvider? timeProvider, CancellationToken cancellationToken)
    {
        var errors = LocalClusterOptionsValidator.Check(options);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid LocalCluster options:" + System.Environment.NewLine + string.Join(System.Environment.NewLine, errors), nameof(options));
        }

        loggerFactory ??= NullLoggerFactory.Instance;
        var time = timeProvider ?? TimeProvider.System;
        var cluster = new EmbeddedCluster();
        try
        {
            await cluster.StartAllAsync(options, loggerFactory, time, cancellationToken).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task StartAllAsync(LocalClusterOptions options, ILoggerFactory loggerFactory, TimeProvider time, CancellationToken cancellationToken)
    {
        _ownsWorkDir = string.IsNullOrWhiteSpace(options.WorkDir);
        WorkDir = _ownsWorkDir
            ? Directory.CreateTempSubdirectory("mesosconsole-local-").FullName
            : Directory.CreateDirectory(Path.GetFullPath(options.WorkDir)).FullName;

        var settings = new MasterSettings(
            options.Hostname,
            TimeSpan.FromSeconds(options.AllocationIntervalSeconds),
            TimeSpan.FromSeconds(options.HeartbeatIntervalSeconds),
            options.OfferTimeoutSeconds > 0 ? TimeSpan.FromSeconds(options.OfferTimeoutSeconds) : null,
            TimeSpan.FromSeconds(options.StatusUpdateRetrySeconds),
            TimeSpan.FromSeconds(options.AgentPingTimeoutSeconds),
            options.OperatorHeartbeats,
            options.ClusterName);
        _master = new LocalMaster(settings, options.MasterPort, time, loggerFactory);
        _masterHost = await MasterHttpHost.StartAsync(_master, options.MasterPort, loggerFactory, cancellationToken).ConfigureAwait(false);
        _master.SetPort(_masterHost.Port);
        MasterUrl = new Uri($"http://{options.Hostname}:{_masterHost.Port}/");

        var resources = Resources.Parse(options.Resources);
        var attributes = AttributeParser.Parse(options.Attributes);
        var agentUrls = new List<Uri>();
        for (var index = 1; index <= options.Agents; index++)
        {
            var id = _master.NextAgentId();
            var port = options.FirstAgentPort == 0 ? 0 : options.FirstAgentPort + index - 1;
            var info = new AgentInfo
            {
                Hostname = options.Hostname,
                Port = port,
                Id = id,
                Resources = ResourceMapping.ToWire(resources, preRefinementRole: null),
                Attributes = attributes.Count > 0 ? attributes : null,
                Checkpoint = true,
            };
            var agentDir = Path.Combine(WorkDir, $"agent-{index}");
            var agent = new LocalAgent(
                new LocalAgentSettings(index, info, agentDir, TimeSpan.FromSeconds(options.KillGracePeriodSeconds), options.Hostname, _masterHost.Port),
                _master, time, loggerFactory);
            _agents.Add(agent);
            await agent.StartAsync(cancellationToken).ConfigureAwait(false);
            info.Port = agent.Port;
            _master.AddAgent(new LocalAgentProcess(agent), resources);
            agentUrls.Add(agent.BaseUrl);
        }

        AgentUrls = agentUrls;
        _master.Start();
        _agentMonitor = _master.MonitorAgentsAsync(_probe, _stopping.Token);
    }

    private async ValueTask StopCoreAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _agentMonitor.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _master?.Dispose();
        foreach (var agent in _agents)
        {
            await agent.DisposeAsync().ConfigureAwait(false);
        }

        if (_masterHost is not null)
        {
            await _masterHost.DisposeAsync().ConfigureAwait(false);
        }

        _probe.Dispose();
        _stopping.Dispose();
        if (_ownsWorkDir && Directory.Exists(WorkDir))
        {
            try
            {
                Directory.Delete(WorkDir, recursive: true);
            }
            catch (IOException)
            {
                // A sandbox still being written by a dying process; the temp folder is cleaned by the OS.
            }
        }
    }
}
