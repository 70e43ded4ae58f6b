using System.Net.Http.Headers;
using MesosConsole.Mesos.Json;
using MesosConsole.Mesos.RecordIO;
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

        using var http = new HttpClient { BaseAddress = started.MasterUrl, Timeout = Timeout.InfiniteTimeSpan };
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
        var subscribe = new Call
        {
            Type = CallType.Subscribe,
            Subscribe = new SubscribeCall { FrameworkInfo = new FrameworkInfo { User = System.Environment.UserName, Name = FrameworkName } },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/scheduler") { Content = Json(subscribe) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        var streamId = response.Headers.GetValues("Mesos-Stream-Id").Single();
        var reader = new RecordIOReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        FrameworkID? framework = null;
        _tickerId = null;
        while (await reader.ReadAsync(cancellationToken) is { } record)
        {
            var e = MesosJson.Deserialize<Event>(record);
            switch (e?.Type)
            {
                case EventType.Subscribed:
                    framework = e.Subscribed!.FrameworkId;
                    break;
                case EventType.Offers when framework is not null:
                    await AnswerOffersAsync(http, streamId, framework, e.Offers!.Offers ?? [], cancellationToken);
                    break;
                case EventType.Update when framework is not null:
                    await AcknowledgeAsync(http, streamId, framework, e.Update!.Status!, cancellationToken);
                    break;
            }
        }
    }

    private async Task AnswerOffersAsync(HttpClient http, string streamId, FrameworkID framework, List<Offer> offers,
        CancellationToken cancellationToken)
    {
        var rest = offers;
        if (_tickerId is null && offers.Count > 0)
        {
            var offer = offers[0];
            rest = offers.Skip(1).ToList();
            _tickerId = $"ticker-{++_launched}";
            await PostAsync(http, streamId, new Call
            {
                FrameworkId = framework,
                Type = CallType.Accept,
                Accept = new AcceptCall
                {
                    OfferIds = [offer.Id!],
                    Operations = [new OfferOperation { Type = OperationType.Launch, Launch = new LaunchOperation { TaskInfos = [Ticker(_tickerId, offer.AgentId!)] } }],
                    Filters = new Filters { RefuseSeconds = RefuseSeconds },
                },
            }, cancellationToken);
        }

        if (rest.Count > 0)
        {
            await PostAsync(http, streamId, new Call
            {
                FrameworkId = framework,
                Type = CallType.Decline,
                Decline = new DeclineCall { OfferIds = [.. rest.Select(o => o.Id!)], Filters = new Filters { RefuseSeconds = RefuseSeconds } },
            }, cancellationToken);
        }
    }

    private async Task AcknowledgeAsync(HttpClient http, string streamId, FrameworkID framework, Mesos.V1.TaskStatus status,
        CancellationToken cancellationToken)
    {
        // A ticker that ended (killed from the console, its agent gone) is replaced on the next offer.
        if (status.TaskId?.Value == _tickerId && status.State is { } state && TaskStates.IsTerminal(state))
        {
            _tickerId = null;
        }

        if (status.Uuid is { Length: > 0 } uuid)
        {
            await PostAsync(http, streamId, new Call
            {
                FrameworkId = framework,
                Type = CallType.Acknowledge,
                Acknowledge = new AcknowledgeCall { AgentId = status.AgentId, TaskId = status.TaskId, Uuid = uuid },
            }, cancellationToken);
        }
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

    private static async Task PostAsync(HttpClient http, string streamId, Call call, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/scheduler") { Content = Json(call) };
        request.Headers.Add("Mesos-Stream-Id", streamId);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static ByteArrayContent Json(Call call)
    {
        var content = new ByteArrayContent(MesosJson.Serialize(call));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo framework lost its subscription ({Reason}); subscribing again")]
    private static partial void LogRetry(ILogger logger, string reason);
}
