using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using MesosConsole.Mesos.Json;
using MesosConsole.Mesos.RecordIO;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Scheduler;

using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.Mesos.Client;

/// <summary>
/// One framework's subscription to a master's scheduler API (<c>POST /api/v1/scheduler</c>), in JSON:
/// the SUBSCRIBE stream read event by event, and calls posted with the stream's <c>Mesos-Stream-Id</c>
/// and the framework's id, as the API requires of every call after SUBSCRIBE. What the framework does
/// with offers and updates is the caller's business; this is only the wire.
/// Disposing closes the stream, which the master takes as the framework disconnecting.
/// </summary>
public sealed class SchedulerSession : IAsyncDisposable
{
    private const string Path = "api/v1/scheduler";

    private readonly HttpClient _http;
    private readonly HttpResponseMessage _stream;
    private readonly RecordIOReader _events;

    private SchedulerSession(HttpClient http, HttpResponseMessage stream, RecordIOReader events, string streamId, SubscribedEvent subscribed)
    {
        _http = http;
        _stream = stream;
        _events = events;
        StreamId = streamId;
        Subscribed = subscribed;
    }

    public string StreamId { get; }

    /// <summary>The SUBSCRIBED event: the framework's id, heartbeat interval, the master's info.</summary>
    public SubscribedEvent Subscribed { get; }

    public FrameworkID FrameworkId => Subscribed.FrameworkId!;

    /// <summary>The SUBSCRIBE response's headers and content headers, for callers that check the wire itself.</summary>
    public HttpResponseMessage Response => _stream;

    /// <summary>
    /// Subscribes (or, with <see cref="FrameworkInfo.Id"/> set, re-subscribes after a failover) and reads
    /// up to the SUBSCRIBED event. <paramref name="http"/> has the master's URL as its base address and no
    /// timeout (the stream stays open); the caller keeps it.
    /// </summary>
    public static async Task<SchedulerSession> SubscribeAsync(HttpClient http, FrameworkInfo framework, CancellationToken cancellationToken)
    {
        var call = new Call { Type = CallType.Subscribe, FrameworkId = framework.Id, Subscribe = new SubscribeCall { FrameworkInfo = framework } };
        using var request = Post(http, call, streamId: null);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(MesosJson.ContentType));
        var response = await MesosHttp.SendAsync(http, request, HttpCompletionOption.ResponseHeadersRead, "SUBSCRIBE", cancellationToken);
        try
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await MesosHttp.ErrorAsync(response, "SUBSCRIBE", cancellationToken);
            }

            var streamId = response.Headers.TryGetValues("Mesos-Stream-Id", out var ids) ? ids.Single()
                : throw new MesosApiException("SUBSCRIBE answered without a Mesos-Stream-Id header.", response.StatusCode);
            var events = new RecordIOReader(await response.Content.ReadAsStreamAsync(cancellationToken));
            var first = await events.ReadAsync(cancellationToken) is { } record ? MesosJson.Deserialize<Event>(record) : null;
            if (first is not { Type: EventType.Subscribed, Subscribed.FrameworkId: not null })
            {
                throw new MesosApiException(first?.Type == EventType.Error
                    ? $"SUBSCRIBE refused: {first.Error?.Message}"
                    : $"SUBSCRIBE's stream began with {first?.Type.ToString() ?? "nothing"}, not SUBSCRIBED.", response.StatusCode);
            }

            return new SchedulerSession(http, response, events, streamId, first.Subscribed);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>The events after SUBSCRIBED, as they arrive, until the master ends the stream.</summary>
    public async IAsyncEnumerable<Event> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var record in _events.ReadAllAsync(cancellationToken))
        {
            if (MesosJson.Deserialize<Event>(record) is { } e)
            {
                yield return e;
            }
        }
    }

    /// <summary>Posts a call on this subscription and returns the master's answer as it is (the caller judges it).</summary>
    public async Task<HttpResponseMessage> SendAsync(Call call, CancellationToken cancellationToken = default)
    {
        call.FrameworkId ??= FrameworkId;
        using var request = Post(_http, call, StreamId);
        return await MesosHttp.SendAsync(_http, request, HttpCompletionOption.ResponseContentRead, What(call), cancellationToken);
    }

    /// <summary>Posts a call; anything but 202 Accepted is a <see cref="MesosApiException"/> with the master's reason.</summary>
    public async Task CallAsync(Call call, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(call, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await MesosHttp.ErrorAsync(response, What(call), cancellationToken);
        }
    }

    /// <summary>ACCEPT with LAUNCH: the tasks on the offers (all from one agent).</summary>
    public Task LaunchAsync(IReadOnlyList<OfferID> offers, IReadOnlyList<TaskInfo> tasks, Filters? filters = null, CancellationToken cancellationToken = default) =>
        CallAsync(new Call
        {
            Type = CallType.Accept,
            Accept = new AcceptCall
            {
                OfferIds = [.. offers],
                Operations = [new OfferOperation { Type = OperationType.Launch, Launch = new LaunchOperation { TaskInfos = [.. tasks] } }],
                Filters = filters,
            },
        }, cancellationToken);

    public Task DeclineAsync(IReadOnlyList<OfferID> offers, Filters? filters = null, CancellationToken cancellationToken = default) =>
        CallAsync(new Call { Type = CallType.Decline, Decline = new DeclineCall { OfferIds = [.. offers], Filters = filters } }, cancellationToken);

    /// <summary>Acknowledges an update that asks for it (one with a uuid); others need none.</summary>
    public Task AcknowledgeAsync(TaskStatus status, CancellationToken cancellationToken = default) =>
        status.Uuid is { Length: > 0 } uuid
            ? CallAsync(new Call
            {
                Type = CallType.Acknowledge,
                Acknowledge = new AcknowledgeCall { AgentId = status.AgentId, TaskId = status.TaskId, Uuid = uuid },
            }, cancellationToken)
            : Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        _stream.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string What(Call call) => call.Type?.ToString().ToUpperInvariant() ?? "CALL";

    private static HttpRequestMessage Post(HttpClient http, Call call, string? streamId)
    {
        var master = http.BaseAddress ?? throw new ArgumentException("The HttpClient needs the master's URL as its BaseAddress.", nameof(http));
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(master, Path)) { Content = MesosHttp.JsonContent(MesosJson.Serialize(call)) };
        if (streamId is not null)
        {
            request.Headers.Add("Mesos-Stream-Id", streamId);
        }

        return request;
    }
}
