using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using Bunit;
using MesosConsole.Mesos.Client;
using MesosConsole.Mesos.State;
using MesosConsole.Mesos.V1;
using MesosConsole.Web.Cluster;
using MesosConsole.Web.Components.Pages.Agents;
using MesosConsole.Web.Components.Pages.Tasks;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace MesosConsole.Benchmarks;

/// <summary>
/// The first render of the Agents and Tasks pages (in bUnit's renderer, MudBlazor included) on a
/// synthetic snapshot of 5,000 agents, 50 frameworks and 100,000 tasks (80,000 live, 20,000 finished),
/// from a fresh page instance: building the row models, filtering, sorting, and drawing one page of rows.
/// Target: ≤ 1 s each.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 7)]
[Config(typeof(LongRunningInProcess))]
[MemoryDiagnoser]
[MedianColumn]
public class PageRenderBenchmarks
{
    private const int Agents = 5_000;
    private const int Frameworks = 50;
    private const int TasksPerAgent = 20;

    private ClusterSnapshot _snapshot = null!;
    private BunitContext _context = null!;

    [GlobalSetup]
    public void BuildSnapshot() => _snapshot = SyntheticCluster();

    [IterationSetup]
    public void NewContext()
    {
        _context = new BunitContext();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices(options => options.PopoverOptions.CheckForPopoverProvider = false);
        var cluster = new FixedCluster(_snapshot);
        _context.Services.AddSingleton<IClusterCatalog>(new FixedCatalog(cluster));
        _context.Services.AddSingleton(TimeProvider.System);
        _context.Services.AddScoped<ClusterSelection>();
    }

    [IterationCleanup]
    public void DisposeContext() => _context.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "Agents page, first render, 5k agents / 100k tasks")]
    public int AgentsPage() => _context.Render<AgentsPage>().Markup.Length;

    [Benchmark(Description = "Tasks page, first render, 5k agents / 100k tasks")]
    public int TasksPage() => _context.Render<TasksPage>().Markup.Length;

    public static ClusterSnapshot SyntheticCluster()
    {
        var start = new DateTimeOffset(2026, 11, 25, 20, 0, 0, TimeSpan.Zero);
        var agents = ImmutableDictionary.CreateBuilder<string, AgentView>();
        var frameworks = ImmutableDictionary.CreateBuilder<string, FrameworkView>();
        var tasks = ImmutableDictionary.CreateBuilder<TaskKey, TaskView>();
        for (var f = 0; f < Frameworks; f++)
        {
            var id = $"fw-{f:D4}";
            frameworks[id] = new FrameworkView(id, $"framework-{f}", "bench", null, "host", ["*"], null, FrameworkStatus.Active, true, false,
                start, null, ResourceSummary.Empty, ResourceSummary.Empty);
        }

        var total = new ResourceSummary(32, 131072, 1_000_000, 0, 1001);
        for (var a = 0; a < Agents; a++)
        {
            var agentId = $"agent-S{a}";
            agents[agentId] = new AgentView(agentId, $"node-{a:D5}.example", 5051, $"slave(1)@10.0.{a / 250}.{a % 250}:5051", "1.11.0",
                true, false, start, total, ResourceSummary.Empty, ResourceSummary.Empty) { Attributes = $"rack:r{a % 40};zone:z{a % 3}" };
            for (var t = 0; t < TasksPerAgent; t++)
            {
                var key = new TaskKey($"fw-{(a + t) % Frameworks:D4}", $"task-{a}-{t}");
                var state = t % 5 == 4 ? TaskState.TaskFinished : TaskState.TaskRunning;
                var at = start.AddSeconds(a + t);
                ImmutableList<TaskTransition> timeline =
                [
                    new(TaskState.TaskStarting, at, null, null, TaskStatusSource.SourceExecutor, null, null),
                    new(state, at.AddSeconds(1), null, null, TaskStatusSource.SourceExecutor, null, null),
                ];
                tasks[key] = new TaskView(key, $"job {a}/{t}", agentId, null, state, new ResourceSummary(1, 2048, 0, 0, 0), timeline);
            }
        }

        return ClusterSnapshot.Empty with
        {
            Version = 1,
            Connected = true,
            Leader = new MasterView("master", "127.0.0.1", 5050, "master@127.0.0.1:5050", "1.11.0", start, start),
            Agents = agents.ToImmutable(),
            Frameworks = frameworks.ToImmutable(),
            Tasks = tasks.ToImmutable(),
        };
    }

    /// <summary>A feed that holds one snapshot and never changes.</summary>
    private sealed class FixedFeed(ClusterSnapshot snapshot) : IClusterStateFeed
    {
        public ClusterSnapshot Current => snapshot;

        public async IAsyncEnumerable<ClusterSnapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            yield return snapshot;
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class FixedCluster(ClusterSnapshot snapshot) : IConsoleCluster
    {
        public ClusterInfo Info { get; } = new(ClusterInfo.DefaultId, "bench", ClusterKind.Embedded, []);

        public IClusterStateFeed State { get; } = new FixedFeed(snapshot);

        public IMesosOperatorClient Operator => throw new NotSupportedException("The pages under test never call the operator API.");

        public Task<Uri> GetLeaderUrlAsync(CancellationToken cancellationToken) => Task.FromResult(new Uri("http://127.0.0.1:5050/"));

        public HttpClient CreateHttpClient() => throw new NotSupportedException("The pages under test make no HTTP calls.");
    }

    private sealed class FixedCatalog(IConsoleCluster cluster) : IClusterCatalog
    {
        public IConsoleCluster Default => cluster;

        public IReadOnlyList<IConsoleCluster> Clusters => [cluster];

        public event Action? Changed
        {
            add { }
            remove { }
        }

        public IConsoleCluster? Find(string id) => id == cluster.Info.Id ? cluster : null;

        public Task<IConsoleCluster> AddAsync(string name, IReadOnlyList<Uri> masterUrls, CancellationToken cancellationToken,
            Guid? deploymentRunId = null) => throw new NotSupportedException();

        public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
