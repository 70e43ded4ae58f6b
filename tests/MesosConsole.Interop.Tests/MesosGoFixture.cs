using MesosConsole.LocalCluster.Hosting;

namespace MesosConsole.Interop.Tests;

[CollectionDefinition(Name)]
public sealed class MesosGoCollection : ICollectionFixture<MesosGoFixture>
{
    public const string Name = "mesos-go against the embedded cluster";
}

/// <summary>
/// Builds the mesos-go programs once and runs one embedded cluster (master + 2 agents on free
/// loopback ports) for every test of the collection.
/// </summary>
public sealed class MesosGoFixture : IAsyncLifetime
{
    /// <summary>How long a Go program may run before it gives up itself (it then explains why on stderr).</summary>
    public static readonly TimeSpan ProgramTimeout = TimeSpan.FromMinutes(2);

    public const int HelloTasks = 20;

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("mesosconsole-interop-");
    private readonly Lazy<Task<SchedulerOutput>> _helloRun;
    private EmbeddedCluster? _cluster;
    private GoPrograms? _programs;

    public MesosGoFixture() =>
        _helloRun = new(() => RunSchedulerAsync(HelloTasks, null, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);

    public EmbeddedCluster Cluster => _cluster ?? throw new InvalidOperationException("The fixture is not initialized.");

    public GoPrograms Programs => _programs ?? throw new InvalidOperationException("The fixture is not initialized.");

    public Uri MasterUrl => Cluster.MasterUrl;

    /// <summary>
    /// The mesos-go scheduler's run of <see cref="HelloTasks"/> <c>echo hello-from-task-%d</c> tasks,
    /// started on first use and shared by the tests that look at it from different sides.
    /// </summary>
    public Task<SchedulerOutput> HelloRun => _helloRun.Value;

    public async ValueTask InitializeAsync()
    {
        _programs = await GoPrograms.BuildAsync(Path.Combine(_root.FullName, "bin"), CancellationToken.None);
        _cluster = await EmbeddedCluster.StartAsync(new LocalClusterOptions
        {
            Hostname = "127.0.0.1",
            MasterPort = 0,
            FirstAgentPort = 0,
            Agents = 2,
            WorkDir = Path.Combine(_root.FullName, "work"),
            // mesos-go 0.0.6's JSON codec cannot decode the operator HEARTBEAT event; its protobuf codec can.
            OperatorHeartbeats = "protobufOnly",
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        try
        {
            _root.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the system temp folder is cleaned anyway.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    /// <summary>Runs the mesos-go scheduler to completion and returns the JSON line it printed.</summary>
    public async Task<SchedulerOutput> RunSchedulerAsync(int tasks, string? command, CancellationToken cancellationToken, string codec = "json")
    {
        List<string> args = ["-master", MasterUrl.ToString().TrimEnd('/'), "-tasks", tasks.ToString(), "-timeout", $"{ProgramTimeout.TotalSeconds:0}s", "-codec", codec];
        if (command is not null)
        {
            args.AddRange(["-cmd", command]);
        }

        var result = await ProcessRunner.RunAsync(Programs.Scheduler, args, ProgramTimeout + TimeSpan.FromSeconds(30),
            cancellationToken: cancellationToken);
        return GoOutput.Parse<SchedulerOutput>(result);
    }

    /// <summary>
    /// Runs the mesos-go operator client once and returns what it decoded; with the protobuf codec it
    /// also reads the HEARTBEAT after SUBSCRIBED and asks the first agent's own operator API.
    /// </summary>
    public async Task<OperatorOutput> RunOperatorAsync(CancellationToken cancellationToken, string codec = "json")
    {
        List<string> args = ["-master", MasterUrl.ToString().TrimEnd('/'), "-subscribe", "-timeout", $"{ProgramTimeout.TotalSeconds:0}s", "-codec", codec];
        if (codec == "protobuf")
        {
            args.AddRange(["-heartbeat", "-agent", Cluster.AgentUrls[0].ToString().TrimEnd('/')]);
        }

        var result = await ProcessRunner.RunAsync(Programs.Operator, args, ProgramTimeout + TimeSpan.FromSeconds(30),
            cancellationToken: cancellationToken);
        return GoOutput.Parse<OperatorOutput>(result);
    }
}
