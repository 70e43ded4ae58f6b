using MesosConsole.LocalCluster.Agent;
using MesosConsole.Mesos.V1;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.LocalCluster.Tests.Agent;

/// <summary>A LocalAgent on a fresh temp work dir, with a recording sink and a fake clock.</summary>
internal sealed class TestAgent : IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 25, 20, 0, 0, TimeSpan.Zero);

    private TestAgent(LocalAgent agent, RecordingStatusSink sink, FakeTimeProvider time, string workDir)
    {
        Agent = agent;
        Sink = sink;
        Time = time;
        WorkDir = workDir;
    }

    public LocalAgent Agent { get; }

    public RecordingStatusSink Sink { get; }

    public FakeTimeProvider Time { get; }

    public string WorkDir { get; }

    public static FrameworkID FrameworkId { get; } = new("5f1a3c2e-test-0000");

    /// <summary>An agent; with <paramref name="startHttp"/> its HTTP server runs on a free loopback port.</summary>
    public static async Task<TestAgent> CreateAsync(bool startHttp = false, TimeSpan? defaultGrace = null)
    {
        var workDir = Directory.CreateTempSubdirectory("agent-test-").FullName;
        var info = new AgentInfo
        {
            Id = new AgentID("5f1a3c2e-test-S0"),
            Hostname = "127.0.0.1",
            Port = 0,
            Resources =
            [
                new Resource { Name = "cpus", Type = MesosConsole.Mesos.V1.ValueType.Scalar, Scalar = new Scalar { Value = 4 } },
                new Resource { Name = "mem", Type = MesosConsole.Mesos.V1.ValueType.Scalar, Scalar = new Scalar { Value = 4096 } },
            ],
        };
        var settings = new LocalAgentSettings(1, info, workDir, defaultGrace ?? TimeSpan.FromSeconds(3), "localhost", 5050);
        var sink = new RecordingStatusSink();
        var time = new FakeTimeProvider(Epoch);
        var agent = new LocalAgent(settings, sink, time, NullLoggerFactory.Instance);
        if (startHttp)
        {
            await agent.StartAsync(TestContext.Current.CancellationToken);
        }

        return new TestAgent(agent, sink, time, workDir);
    }

    public static FrameworkInfo Framework(params FrameworkCapabilityType[] capabilities) => new()
    {
        Id = FrameworkId,
        Name = "agent-tests",
        User = "tester",
        Capabilities = capabilities.Select(c => new FrameworkCapability { Type = c }).ToList(),
    };

    public static TaskInfo ShellTask(string id, string command, params (string Name, string Value)[] environment) => new()
    {
        Name = id,
        TaskId = new TaskID(id),
        Resources = [new Resource { Name = "cpus", Type = MesosConsole.Mesos.V1.ValueType.Scalar, Scalar = new Scalar { Value = 0.5 } }],
        Command = new CommandInfo
        {
            Value = command,
            Environment = environment.Length == 0
                ? null
                : new MesosConsole.Mesos.V1.Environment
                {
                    Variables = environment.Select(e => new EnvironmentVariable { Name = e.Name, Value = e.Value }).ToList(),
                },
        },
    };

    /// <summary>Launches and returns the RUNNING status (the process is up).</summary>
    public async Task<TaskStatus> LaunchRunningAsync(TaskInfo task, FrameworkInfo? framework = null)
    {
        Agent.Launch(framework ?? Framework(), task);
        return await Sink.WaitForAsync(task.TaskId!.Value, TaskState.TaskRunning);
    }

    /// <summary>The sandbox of a task (through the runs/latest link).</summary>
    public string Sandbox(string taskId) =>
        Path.Combine(WorkDir, "slaves", Agent.Id.Value, "frameworks", FrameworkId.Value, "executors", taskId, "runs", "latest");

    public async ValueTask DisposeAsync()
    {
        await Agent.DisposeAsync();
        Directory.Delete(WorkDir, recursive: true);
    }
}
