using MesosConsole.LocalCluster.Agent.Http;
using MesosConsole.LocalCluster.Agent.Tasks;
using MesosConsole.LocalCluster.Files;
using MesosConsole.Mesos.V1;
using Microsoft.Extensions.Logging;

namespace MesosConsole.LocalCluster.Agent;

/// <summary>
/// One embedded Mesos agent: runs command tasks as real processes in Mesos-style sandboxes, reports their
/// status to the master through an <see cref="IAgentStatusSink"/>, and serves the agent's HTTP API
/// (/state, /files/*, /api/v1, …) on its own port. Resource accounting is the master's job.
/// </summary>
public sealed class LocalAgent : IAsyncDisposable
{
    /// <summary>How long tasks get to react to SIGTERM when the agent itself stops.</summary>
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(1);

    private readonly AgentRuntime _runtime;
    private readonly TaskRegistry _registry = new();
    private readonly StatusOutbox _outbox;
    private readonly TaskSupervisor _supervisor;
    private readonly ILoggerFactory _loggerFactory;
    private AgentHttpHost? _http;
    private int _disposed;

    public LocalAgent(LocalAgentSettings settings, IAgentStatusSink sink, TimeProvider time, ILoggerFactory loggerFactory)
    {
        _loggerFactory = loggerFactory;
        _runtime = new AgentRuntime(settings, time);
        var log = loggerFactory.CreateLogger<LocalAgent>();
        _outbox = new StatusOutbox(_runtime.Id, sink, log);
        _supervisor = new TaskSupervisor(_runtime, _registry, Files, _outbox, log);
    }

    public AgentID Id => _runtime.Id;

    /// <summary>The agent's AgentInfo; its port is the bound one once started.</summary>
    public AgentInfo Info => _runtime.Settings.Info;

    /// <summary><c>slave(N)@ip:port</c>.</summary>
    public string Pid => _runtime.Pid;

    public int Port => _runtime.Port;

    public Uri BaseUrl => new($"http://{_runtime.Hostname}:{_runtime.Port}/");

    /// <summary>Attached sandboxes (and anything else served under /files).</summary>
    internal SandboxFiles Files { get; } = new();

    internal AgentRuntime Runtime => _runtime;

    internal TaskRegistry Registry => _registry;

    /// <summary>Starts this agent's HTTP server on Info.Hostname:Info.Port (0 = a free port).</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_http is not null)
        {
            throw new InvalidOperationException("The agent is already started.");
        }

        _http = await AgentHttpHost.StartAsync(this, _loggerFactory, ct);
        _runtime.Bound(_http.Port);
        Info.Port = _http.Port;
    }

    /// <summary>Runs a command task; returns at once, progress arrives at the status sink.</summary>
    public void Launch(FrameworkInfo framework, TaskInfo task) => _supervisor.Launch(framework, task);

    /// <summary>
    /// Stops a task: TASK_KILLING (for frameworks with TASK_KILLING_STATE), SIGTERM to its process group,
    /// SIGKILL after the grace period (null: the task's kill_policy, else the agent default), then TASK_KILLED.
    /// A task that has already ended keeps its own terminal state.
    /// </summary>
    public void Kill(FrameworkID frameworkId, TaskID taskId, TimeSpan? gracePeriod) =>
        _supervisor.Kill(frameworkId, taskId, gracePeriod);

    /// <summary>Kills every task of the framework (default grace) and forgets it once they are gone.</summary>
    public void ShutdownFramework(FrameworkID frameworkId) => _supervisor.ShutdownFramework(frameworkId);

    /// <summary>The framework's tasks that have not reached a terminal state.</summary>
    public IReadOnlyCollection<TaskID> RunningTasks(FrameworkID frameworkId) => _supervisor.RunningTasks(frameworkId);

    /// <summary>
    /// Stops answering HTTP while tasks keep running — what a partitioned or hung agent looks like to
    /// the master. Used by failure tests.
    /// </summary>
    internal async Task StopHttpAsync()
    {
        if (Interlocked.Exchange(ref _http, null) is { } http)
        {
            await http.DisposeAsync();
        }
    }

    /// <summary>Kills every task's process group (SIGKILL after a short grace), stops the HTTP server, and returns once all are gone.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _supervisor.StopAllAsync(ShutdownGrace);
        if (_http is not null)
        {
            await _http.DisposeAsync();
        }

        await _outbox.CompleteAsync();
    }
}
