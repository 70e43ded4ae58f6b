using BenchmarkDotNet.Attributes;
using MesosConsole.Allocation;
using MesosConsole.LocalCluster.Master;
using MesosConsole.Mesos.Json;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Master;
using MesosConsole.Mesos.V1.Scheduler;
using Microsoft.Extensions.Logging.Abstractions;
using EventType = MesosConsole.Mesos.V1.Scheduler.EventType;

namespace MesosConsole.Benchmarks;

/// <summary>
/// /master/state and GET_STATE of a big cluster: 10,000 agents, 100 frameworks, 100,000 running and
/// 100,000 completed tasks (Mesos keeps 1,000 completed tasks per framework, hence 100 frameworks).
/// Built through the master's real call path (subscribe, offers, ACCEPT, status updates, ACKs) with
/// synthetic agents that answer in process. Target: ≤ 500 ms each.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class StateBenchmarks
{
    private const int Agents = 10_000;
    private const int Frameworks = 100;
    private const int RunningPerAgent = 10;
    private const int CompletedPerAgent = 10;

    private LocalMaster _master = null!;

    [GlobalSetup]
    public void Setup()
    {
        var settings = new MasterSettings("127.0.0.1", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15), null,
            TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(75), "always", "bench");
        _master = new LocalMaster(settings, 5050, TimeProvider.System, NullLoggerFactory.Instance);
        var total = Resources.Parse("cpus:64;mem:262144;disk:1000000;ports:[31000-32000]");
        for (var i = 0; i < Agents; i++)
        {
            _master.AddAgent(new SyntheticAgent(_master.NextAgentId(), i + 1, _master), total);
        }

        var frameworks = new List<(FrameworkID Id, EventStream Stream)>();
        for (var f = 0; f < Frameworks; f++)
        {
            var (stream, id, _) = _master.Subscribe(null, new SubscribeCall { FrameworkInfo = new FrameworkInfo { User = "bench", Name = $"framework-{f}" } });
            frameworks.Add((id!, stream!));
        }

        // One cycle offers every agent to some framework; each launches its tasks on what it got.
        _master.Allocator.RunCycle();
        foreach (var (id, stream) in frameworks)
        {
            foreach (var offer in Drain(stream).Where(e => e.Type == EventType.Offers).SelectMany(e => e.Offers!.Offers!))
            {
                var taskInfos = Enumerable.Range(0, RunningPerAgent + CompletedPerAgent).Select(t => new TaskInfo
                {
                    Name = (t < RunningPerAgent ? "run-" : "done-") + t,
                    TaskId = new TaskID($"{offer.AgentId!.Value}-{t}"),
                    AgentId = offer.AgentId,
                    Command = new CommandInfo { Value = "sleep 1000" },
                    Resources = [new Resource { Name = "cpus", Type = Mesos.V1.ValueType.Scalar, Scalar = new Scalar { Value = 0.1 } },
                                 new Resource { Name = "mem", Type = Mesos.V1.ValueType.Scalar, Scalar = new Scalar { Value = 32 } }],
                }).ToList();
                _master.Accept(id, new AcceptCall
                {
                    OfferIds = [offer.Id!],
                    Operations = [new OfferOperation { Type = OperationType.Launch, Launch = new LaunchOperation { TaskInfos = taskInfos } }],
                });
            }
        }

        // Acknowledge until nothing is pending: finished tasks move to completed_tasks.
        bool acked;
        do
        {
            acked = false;
            foreach (var (id, stream) in frameworks)
            {
                foreach (var status in Drain(stream).Where(e => e.Type == EventType.Update).Select(e => e.Update!.Status!))
                {
                    _master.Acknowledge(id, new AcknowledgeCall { AgentId = status.AgentId, TaskId = status.TaskId, Uuid = status.Uuid });
                    acked = true;
                }
            }
        }
        while (acked);

        var tasks = _master.GetTasks();
        if (tasks.Tasks!.Count != Agents * RunningPerAgent || tasks.CompletedTasks!.Count != Agents * CompletedPerAgent)
        {
            throw new InvalidOperationException($"Setup built {tasks.Tasks.Count} running and {tasks.CompletedTasks!.Count} completed tasks");
        }
    }

    /// <summary>Every event a framework's in-process stream holds now (the benchmarks read no HTTP).</summary>
    internal static List<Mesos.V1.Scheduler.Event> Drain(EventStream stream)
    {
        var events = new List<Mesos.V1.Scheduler.Event>();
        while (stream.Records.TryRead(out var framed))
        {
            var newline = Array.IndexOf(framed, (byte)'\n');
            events.Add(MesosJson.Deserialize<Mesos.V1.Scheduler.Event>(framed.AsSpan(newline + 1))!);
        }

        return events;
    }

    [GlobalCleanup]
    public void Cleanup() => _master.Dispose();

    [Benchmark(Description = "/master/state, 10k agents, 100k running + 100k completed tasks")]
    public int MasterStateJson()
    {
        using var json = _master.StateJson();
        return json.WrittenCount;
    }

    [Benchmark(Description = "GET_STATE, 10k agents, 100k running + 100k completed tasks")]
    public int GetStateJson()
    {
        using var json = _master.GetStateResponseJson();
        return json.WrittenCount;
    }
}
