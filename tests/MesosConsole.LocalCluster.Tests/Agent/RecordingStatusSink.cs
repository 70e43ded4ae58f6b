using System.Collections.Concurrent;
using System.Threading.Channels;
using MesosConsole.LocalCluster.Agent;
using MesosConsole.Mesos.V1;
using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.LocalCluster.Tests.Agent;

/// <summary>A status sink that queues every update per task, so tests can await them in order.</summary>
internal sealed class RecordingStatusSink : IAgentStatusSink
{
    /// <summary>Generous: a slow CI machine may take seconds to fork a process.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Channel<TaskStatus>> _byTask = new();

    public ConcurrentQueue<(AgentID AgentId, FrameworkID FrameworkId, TaskStatus Status)> All { get; } = new();

    public void OnStatusUpdate(AgentID agentId, FrameworkID frameworkId, TaskStatus status)
    {
        All.Enqueue((agentId, frameworkId, status));
        Queue(status.TaskId!.Value).Writer.TryWrite(status);
    }

    /// <summary>The next status of a task, waiting for it if needed.</summary>
    public async Task<TaskStatus> NextAsync(string taskId)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Timeout);
        return await Queue(taskId).Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Statuses of a task up to and including its terminal one.</summary>
    public async Task<IReadOnlyList<TaskStatus>> UntilTerminalAsync(string taskId)
    {
        var statuses = new List<TaskStatus>();
        do
        {
            statuses.Add(await NextAsync(taskId));
        }
        while (!TaskStates.IsTerminal(statuses[^1].State!.Value));

        return statuses;
    }

    /// <summary>Reads statuses of a task until one has <paramref name="state"/>.</summary>
    public async Task<TaskStatus> WaitForAsync(string taskId, TaskState state)
    {
        while (true)
        {
            var status = await NextAsync(taskId);
            if (status.State == state)
            {
                return status;
            }

            Assert.False(TaskStates.IsTerminal(status.State!.Value), $"{taskId} ended as {status.State} ({status.Message}) before reaching {state}");
        }
    }

    /// <summary>Whether a status of the task is queued right now (does not wait).</summary>
    public bool HasPending(string taskId) => Queue(taskId).Reader.TryPeek(out _);

    private Channel<TaskStatus> Queue(string taskId) =>
        _byTask.GetOrAdd(taskId, _ => Channel.CreateUnbounded<TaskStatus>());
}
