using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;
using MesosConsole.Mesos.Client;
using MesosConsole.Mesos.Json;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Scheduler;

using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.LocalCluster.Tests.Support;

/// <summary>
/// A test's framework over the console's own <see cref="SchedulerSession"/> (public scheduler API only):
/// the events read into a channel so a test can wait for the one it needs while earlier ones are kept,
/// and calls answered with the raw HTTP response, so tests can check the status Mesos gives.
/// </summary>
internal sealed class TestScheduler : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly Channel<Event> _events = Channel.CreateUnbounded<Event>();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Event> _unmatched = [];
    private SchedulerSession? _session;
    private Task _reader = Task.CompletedTask;

    public TestScheduler(Uri masterUrl) => _http = new HttpClient { BaseAddress = masterUrl, Timeout = Timeout.InfiniteTimeSpan };

    public FrameworkID FrameworkId => Session.FrameworkId;
    public string StreamId => Session.StreamId;
    public HttpResponseMessage Subscription => Session.Response;
    public SubscribedEvent Subscribed => Session.Subscribed;

    /// <summary>Every event received (after SUBSCRIBED), in order.</summary>
    public ChannelReader<Event> Events => _events.Reader;

    /// <summary>Completes when the master ends the subscription stream.</summary>
    public Task Closed => _reader;

    private SchedulerSession Session => _session ?? throw new InvalidOperationException("Not subscribed.");

    public static async Task<TestScheduler> SubscribeAsync(Uri masterUrl, FrameworkInfo? info = null, FrameworkID? reuse = null)
    {
        var scheduler = new TestScheduler(masterUrl);
        var framework = info ?? new FrameworkInfo { User = "tester", Name = "test-framework" };
        framework.Id = reuse;
        scheduler._session = await SchedulerSession.SubscribeAsync(scheduler._http, framework, scheduler._stop.Token);
        scheduler._reader = Task.Run(scheduler.ReadAsync);
        return scheduler;
    }

    private async Task ReadAsync()
    {
        try
        {
            await foreach (var e in Session.ReadEventsAsync(_stop.Token))
            {
                await _events.Writer.WriteAsync(e);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException)
        {
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    public static StringContent Json<T>(T value) =>
        new(MesosJson.SerializeToString(value), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    /// <summary>Posts a call with this framework's id and stream id; returns the HTTP answer.</summary>
    public Task<HttpResponseMessage> CallAsync(Call call) => Session.SendAsync(call);

    /// <summary>
    /// Waits for the next event matching <paramref name="match"/>. Events that do not match are kept,
    /// in order, for later calls — a test waiting for an update must not lose the offer that came first.
    /// </summary>
    public async Task<Event> NextAsync(Func<Event, bool> match, TimeSpan? timeout = null)
    {
        var index = _unmatched.FindIndex(e => match(e));
        if (index >= 0)
        {
            var kept = _unmatched[index];
            _unmatched.RemoveAt(index);
            return kept;
        }

        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            Event e;
            try
            {
                e = await _events.Reader.ReadAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("No matching event arrived in time");
            }

            if (match(e))
            {
                return e;
            }

            if (e.Type != EventType.Heartbeat)
            {
                _unmatched.Add(e);
            }
        }
    }

    /// <summary>Waits for a task's update matching <paramref name="match"/>, acknowledging every update on the way.</summary>
    public async Task<TaskStatus> NextUpdateAckingAsync(string taskId, Func<TaskStatus, bool> match)
    {
        while (true)
        {
            var status = (await NextUpdateAsync(taskId)).Update!.Status!;
            if (status.Uuid is not null)
            {
                await AcknowledgeAsync(status);
            }

            if (match(status))
            {
                return status;
            }
        }
    }

    public async Task<List<Offer>> NextOffersAsync() => (await NextAsync(e => e.Type == EventType.Offers)).Offers!.Offers!;

    public Task<Event> NextUpdateAsync(string taskId, Func<TaskStatus, bool>? match = null) =>
        NextAsync(e => e.Type == EventType.Update && e.Update!.Status!.TaskId!.Value == taskId && (match?.Invoke(e.Update.Status) ?? true));

    public Task<HttpResponseMessage> AcknowledgeAsync(TaskStatus status) => CallAsync(new Call
    {
        Type = CallType.Acknowledge,
        Acknowledge = new AcknowledgeCall { AgentId = status.AgentId, TaskId = status.TaskId, Uuid = status.Uuid },
    });

    public Task<HttpResponseMessage> LaunchAsync(Offer offer, params TaskInfo[] tasks) => CallAsync(new Call
    {
        Type = CallType.Accept,
        Accept = new AcceptCall
        {
            OfferIds = [offer.Id!],
            Operations = [new OfferOperation { Type = OperationType.Launch, Launch = new LaunchOperation { TaskInfos = [.. tasks] } }],
            Filters = new Filters { RefuseSeconds = 0 },
        },
    });

    public Task<HttpResponseMessage> DeclineAsync(Offer offer, double refuseSeconds = 0) => CallAsync(new Call
    {
        Type = CallType.Decline,
        Decline = new DeclineCall { OfferIds = [offer.Id!], Filters = new Filters { RefuseSeconds = refuseSeconds } },
    });

    public static TaskInfo CommandTask(string id, AgentID agent, string command, double cpus = 0.1, double mem = 32) => new()
    {
        Name = id,
        TaskId = new TaskID(id),
        AgentId = agent,
        Command = new CommandInfo { Shell = true, Value = command },
        Resources =
        [
            new Resource { Name = "cpus", Type = Mesos.V1.ValueType.Scalar, Scalar = new Scalar { Value = cpus } },
            new Resource { Name = "mem", Type = Mesos.V1.ValueType.Scalar, Scalar = new Scalar { Value = mem } },
        ],
    };

    /// <summary>Drops the subscription connection, as a crashing framework would.</summary>
    public async Task DisconnectAsync()
    {
        await _stop.CancelAsync();
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }

        await _reader;
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync();
        _http.Dispose();
        _stop.Dispose();
    }
}
