using System.Collections.Concurrent;
using System.Diagnostics;
using MesosConsole.Allocation;
using MesosConsole.LocalCluster.Http;
using MesosConsole.LocalCluster.Master;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Scheduler;
using MesosConsole.Web;
using MesosConsole.Web.Cluster;
using MesosConsole.Web.Hubs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using EventType = MesosConsole.Mesos.V1.Scheduler.EventType;
using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.Benchmarks;

/// <summary>
/// The issue's fan-out target, end to end over real loopback HTTP: an embedded master (synthetic
/// agents, so no process spawning is in the way) receives agent status updates at a steady rate;
/// its operator SUBSCRIBE stream feeds the console's one state store; the console's hub streams the
/// updates to N SignalR clients. Latency is from the status's timestamp (set as the agent sends it)
/// to the moment a client receives it. Target: p99 ≤ 250 ms at 1,000 transitions/s with 20 clients.
/// The first seconds (JIT, the thread pool growing to the load) are driven but not counted; their worst
/// latency is printed on its own. Arguments: [rate per second] [clients] [seconds] [tasks] [warm-up seconds].
/// </summary>
internal static class FanOutProbe
{
    public static async Task RunAsync(string[] args)
    {
        var rate = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1_000;
        var clients = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20;
        var seconds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 15;
        var taskCount = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 2_000;
        var warmUp = args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 5;

        var settings = new MasterSettings("127.0.0.1", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15), null,
            TimeSpan.FromSeconds(600), TimeSpan.FromSeconds(600), "always", "fanout");
        // The master names its own port in /master/redirect, so it must know it before it listens.
        var port = FreePort();
        using var master = new LocalMaster(settings, port, TimeProvider.System, NullLoggerFactory.Instance);
        var agents = new List<SyntheticAgent>();
        for (var i = 0; i < 20; i++)
        {
            var agent = new SyntheticAgent(master.NextAgentId(), i + 1, master);
            agents.Add(agent);
            master.AddAgent(agent, Resources.Parse("cpus:64;mem:262144;disk:1000000;ports:[31000-32000]"));
        }

        var (stream, frameworkId, _) = master.Subscribe(null, new SubscribeCall { FrameworkInfo = new FrameworkInfo { User = "bench", Name = "fanout" } });
        var tasks = LaunchRunningTasks(master, stream!, frameworkId!, taskCount);
        await using var http = await MasterHttpHost.StartAsync(master, port, NullLoggerFactory.Instance, CancellationToken.None);

        await using var console = StartConsole(new Uri($"http://127.0.0.1:{http.Port}/"));
        await console.StartAsync();
        var feed = console.App.Services.GetRequiredService<IClusterCatalog>().Default.State;
        using (var ready = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            var last = feed.Current;
            try
            {
                await foreach (var snapshot in feed.WatchAsync(ready.Token))
                {
                    last = snapshot;
                    if (snapshot.Connected && snapshot.Tasks.Count >= tasks.Count)
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                throw new InvalidOperationException($"The console never saw the {tasks.Count} tasks: connected={last.Connected}, " +
                    $"tasks={last.Tasks.Count}, error={last.Error}");
            }
        }

        var hubUrl = new Uri(new Uri(console.App.Urls.First()), ClusterHub.Path);
        var latencies = new ConcurrentBag<double>();
        var window = new MeasuredWindow();
        using var stop = new CancellationTokenSource();
        var readers = new List<Task>();
        var connections = new List<HubConnection>();
        for (var c = 0; c < clients; c++)
        {
            var connection = new HubConnectionBuilder().WithUrl(hubUrl).Build();
            await connection.StartAsync();
            connections.Add(connection);
            readers.Add(ReadAsync(connection, window, latencies, stop.Token));
        }

        // Let every client take its baseline before the clock starts.
        await Task.Delay(TimeSpan.FromSeconds(1));
        window.Begin();
        // One flip state for both phases: each update really changes its task's state.
        var running = new bool[tasks.Count];
        Array.Fill(running, true);
        var warmUpSent = Drive(master, stream!, frameworkId!, tasks, running, 0, rate, TimeSpan.FromSeconds(warmUp));
        window.Start();
        var (pausedBefore, gen2Before) = (GC.GetTotalPauseDuration(), GC.CollectionCount(2));
        var sent = Drive(master, stream!, frameworkId!, tasks, running, warmUpSent, rate, TimeSpan.FromSeconds(seconds));
        var (paused, gen2) = (GC.GetTotalPauseDuration() - pausedBefore, GC.CollectionCount(2) - gen2Before);
        // Whatever is still in flight gets a second to arrive; later counts as lost.
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await Task.WhenAll(readers);
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        var sorted = latencies.Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
        Console.WriteLine($"{rate}/s for {seconds} s to {clients} clients over {tasks.Count} tasks ({(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC): sent {sent}, " +
            $"received {sorted.Length} of {(long)sent * clients} expected; worst in the {warmUp} s warm-up before: {window.WarmUpWorst:N1} ms");
        // Where a long tail comes from: the collector's pauses in this process (master, store, hub and clients share it).
        Console.WriteLine($"GC while driving: {gen2} gen2 collections, {paused.TotalMilliseconds:N0} ms paused in all, heap {GC.GetTotalMemory(false) / (1024 * 1024):N0} MB");
        Console.WriteLine($"latency ms: p50 {Percentile(0.50):N1}, p90 {Percentile(0.90):N1}, p99 {Percentile(0.99):N1}, max {(sorted.Length > 0 ? sorted[^1] : double.NaN):N1}");
    }

    private static async Task ReadAsync(HubConnection connection, MeasuredWindow window, ConcurrentBag<double> latencies, CancellationToken stop)
    {
        try
        {
            await foreach (var update in connection.StreamAsync<TaskUpdate>(nameof(ClusterHub.StreamTaskUpdates), ClusterInfo.DefaultId, stop))
            {
                if (update.Timestamp is { } sentAt)
                {
                    var latency = (DateTimeOffset.UtcNow - sentAt).TotalMilliseconds;
                    switch (window.PhaseOf(sentAt))
                    {
                        case Phase.Measured: latencies.Add(latency); break;
                        case Phase.WarmUp: window.NoteWarmUp(latency); break;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Status updates at a steady rate, each flipping one task between STARTING and RUNNING, while the
    /// framework acknowledges what it receives, as a real one does. (Unacknowledged, every update would be
    /// re-sent by the master after its retry interval, all at once: a burst no real framework causes.)
    /// </summary>
    private static long Drive(LocalMaster master, EventStream stream, FrameworkID framework, List<(AgentID Agent, TaskID Task)> tasks,
        bool[] running, long first, int rate, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        long sent = 0;
        while (clock.Elapsed < duration)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * rate);
            for (; sent < due; sent++)
            {
                var i = (int)((first + sent) % tasks.Count);
                running[i] = !running[i];
                master.OnStatusUpdate(tasks[i].Agent, framework, new TaskStatus
                {
                    TaskId = tasks[i].Task,
                    AgentId = tasks[i].Agent,
                    State = running[i] ? TaskState.TaskRunning : TaskState.TaskStarting,
                    Source = TaskStatusSource.SourceExecutor,
                    Timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0,
                    Uuid = Guid.NewGuid().ToByteArray(),
                });
            }

            Acknowledge(master, stream, framework);
            Thread.Sleep(1);
        }

        return sent;
    }

    private static void Acknowledge(LocalMaster master, EventStream stream, FrameworkID framework)
    {
        foreach (var e in StateBenchmarks.Drain(stream))
        {
            if (e is { Type: EventType.Update, Update.Status: { Uuid: { } uuid } status })
            {
                master.Acknowledge(framework, new AcknowledgeCall { AgentId = status.AgentId, TaskId = status.TaskId, Uuid = uuid });
            }
        }
    }

    private static List<(AgentID Agent, TaskID Task)> LaunchRunningTasks(LocalMaster master, EventStream stream, FrameworkID framework, int count)
    {
        master.Allocator.RunCycle();
        var launched = new List<(AgentID, TaskID)>();
        var offers = StateBenchmarks.Drain(stream).Where(e => e.Type == EventType.Offers).SelectMany(e => e.Offers!.Offers!).ToList();
        var perAgent = (count + offers.Count - 1) / offers.Count;
        foreach (var offer in offers)
        {
            var infos = Enumerable.Range(0, Math.Min(perAgent, count - launched.Count)).Select(t => new TaskInfo
            {
                Name = "run-" + t,
                TaskId = new TaskID($"{offer.AgentId!.Value}-{t}"),
                AgentId = offer.AgentId,
                Command = new CommandInfo { Value = "sleep 1000" },
                Resources = [new Resource { Name = "cpus", Type = Mesos.V1.ValueType.Scalar, Scalar = new Scalar { Value = 0.01 } }],
            }).ToList();
            master.Accept(framework, new AcceptCall
            {
                OfferIds = [offer.Id!],
                Operations = [new OfferOperation { Type = OperationType.Launch, Launch = new LaunchOperation { TaskInfos = infos } }],
            });
            launched.AddRange(infos.Select(i => (offer.AgentId!, i.TaskId!)));
        }

        return launched;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ConsoleWebApplication StartConsole(Uri master)
    {
        var root = Path.Combine(Path.GetTempPath(), "mesosconsole-fanout", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        return new ConsoleWebApplication(new WebApplicationOptions { ContentRootPath = root, EnvironmentName = "Production" }, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
                ["Cluster:Mode"] = "Remote",
                ["Cluster:MasterUrls:0"] = master.ToString(),
                ["ConnectionStrings:Console"] = "Data Source=console.db",
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
    }

    private enum Phase
    {
        /// <summary>The clients' first snapshot of the tasks already there: not an update anyone sent.</summary>
        Baseline,
        WarmUp,
        Measured,
    }

    /// <summary>When driving began and when counting began (after the warm-up), and the worst latency between.</summary>
    private sealed class MeasuredWindow
    {
        private readonly Lock _gate = new();
        private DateTimeOffset _driving = DateTimeOffset.MaxValue;
        private DateTimeOffset _from = DateTimeOffset.MaxValue;
        private double _warmUpWorst;

        public double WarmUpWorst
        {
            get
            {
                lock (_gate)
                {
                    return _warmUpWorst;
                }
            }
        }

        public void Begin()
        {
            lock (_gate)
            {
                _driving = DateTimeOffset.UtcNow;
            }
        }

        public void Start()
        {
            lock (_gate)
            {
                _from = DateTimeOffset.UtcNow;
            }
        }

        public Phase PhaseOf(DateTimeOffset sentAt)
        {
            lock (_gate)
            {
                return sentAt >= _from ? Phase.Measured : sentAt >= _driving ? Phase.WarmUp : Phase.Baseline;
            }
        }

        public void NoteWarmUp(double latency)
        {
            lock (_gate)
            {
                _warmUpWorst = Math.Max(_warmUpWorst, latency);
            }
        }
    }
}
