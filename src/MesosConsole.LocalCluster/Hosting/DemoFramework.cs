using MesosConsole.Mesos.Client;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Scheduler;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MesosConsole.LocalCluster.Hosting;

/// <summary>
/// A small framework for newcomers and teaching labs (<c>LocalCluster:DemoFramework</c>): so that the
/// console has something to show right after the first command, it keeps one "ticker" task running
/// (it prints a line every two seconds, to tail live) and declines every other offer with a 5 s
/// filter (so the offers page shows offers made and declined). It is an ordinary client of the public
/// scheduler API over HTTP, as any framework is, and knows nothing of the master's insides.
/// </summary>
public sealed partial class DemoFramework(LocalClusterHostedService cluster, ILogger<DemoFramework> logger) : BackgroundService
{
    public const string FrameworkName = "demo (teaching)";
    private const double RefuseSeconds = 5;
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    private int _launched;
    private string? _tickerId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        EmbeddedCluster started;
        try
        {
            started = await cluster.Started.WaitAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return; // The cluster did not start; its own service reports why.
        }

        using var http = new HttpClient(MesosHttp.CreateHandler()) { BaseAddress = started.MasterUrl, Timeout = Timeout.InfiniteTimeSpan };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(http, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogRetry(logger, e.Message);
            }

            try
            {
                await Task.Delay(RetryAfter, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One subscription: read events until the stream ends, answering offers and updates.</summary>
    private async Task RunOnceAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var framework = new FrameworkInfo { User = System.Environment.UserName, Name = FrameworkName };
        await using var session = await SchedulerSession.SubscribeAsync(http, framework, cancellationToken);
        _tickerId = null;
        await foreach (var e in session.ReadEventsAsync(cancellationToken))
        {
            switch (e.Type)
            {
                case EventType.Offers:
                    await AnswerOffersAsync(session, e.Offers!.Offers ?? [], cancellationToken);
                    break;
                case EventType.Update:
                    await AcknowledgeAsync(session, e.Update!.Status!, cancellationToken);
                    break;
            }
        }
    }

    private async Task AnswerOffersAsync(SchedulerSession session, List<Offer> offers, CancellationToken cancellationToken)
    {
        var refuse = new Filters { RefuseSeconds = RefuseSeconds };
        var rest = offers;
        if (_tickerId is null && offers.Count > 0)
        {
            var offer = offers[0];
            rest = offers.Skip(1).ToList();
            _tickerId = $"ticker-{++_launched}";
            await session.LaunchAsync([offer.Id!], [Ticker(_tickerId, offer.AgentId!)], refuse, cancellationToken);
        }

        if (rest.Count > 0)
        {
            await session.DeclineAsync([.. rest.Select(o => o.Id!)], refuse, cancellationToken);
        }
    }

    private async Task AcknowledgeAsync(SchedulerSession session, Mesos.V1.TaskStatus status, CancellationToken cancellationToken)
    {
        // A ticker that ended (killed from the console, its agent gone) is replaced on the next offer.
        if (status.TaskId?.Value == _tickerId && status.State is { } state && TaskStates.IsTerminal(state))
        {
            _tickerId = null;
        }

        await session.AcknowledgeAsync(status, cancellationToken);
    }

    private static TaskInfo Ticker(string id, AgentID agent) => new()
    {
        Name = id,
        TaskId = new TaskID(id),
        AgentId = agent,
        Command = new CommandInfo
        {
            Value = "i=0; while true; do i=$((i+1)); echo \"tick $i: a line every 2 s from the demo framework's task\"; sleep 2; done",
        },
        Resources =
        [
            new Resource { Name = "cpus", Type = Mesos.V1.ValueType.Scalar, Scalar = new Scalar { Value = 0.1 } },
            new Resource { Name = "mem", Type = Mesos.V1.ValueType.Scalar, Scalar = new Scalar { Value = 32 } },
        ],
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo framework lost its subscription ({Reason}); subscribing again")]
    private static partial void LogRetry(ILogger logger, string reason);
}
