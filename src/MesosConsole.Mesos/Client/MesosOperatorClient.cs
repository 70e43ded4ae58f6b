using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using MesosConsole.Mesos.Json;
using MesosConsole.Mesos.RecordIO;
using MesosConsole.Mesos.V1.Master;

namespace MesosConsole.Mesos.Client;

/// <summary>
/// The operator API of one master, spoken in JSON exactly as Mesos expects it. It does not follow
/// redirects: point it at the leader (see <see cref="LeaderDetector"/>); a standby answers 307.
/// </summary>
public sealed class MesosOperatorClient : IMesosOperatorClient
{
    private readonly HttpClient _http;
    private readonly Uri _endpoint;

    /// <param name="http">Best built on <see cref="MesosHttp.CreateHandler"/>.</param>
    /// <param name="masterUrl">The master's base URL, e.g. <c>http://127.0.0.1:5050</c>.</param>
    public MesosOperatorClient(HttpClient http, Uri masterUrl)
    {
        _http = http;
        MasterUrl = MasterUrls.Normalize(masterUrl);
        _endpoint = new Uri(MasterUrl, "api/v1");
    }

    public Uri MasterUrl { get; }

    public async Task<GetHealth> GetHealthAsync(CancellationToken cancellationToken = default) =>
        (await CallAsync(new Call { Type = CallType.GetHealth }, ResponseType.GetHealth, cancellationToken)).GetHealth
        ?? new GetHealth();

    public async Task<GetVersion> GetVersionAsync(CancellationToken cancellationToken = default) =>
        (await CallAsync(new Call { Type = CallType.GetVersion }, ResponseType.GetVersion, cancellationToken)).GetVersion
        ?? new GetVersion();

    public async Task<GetMaster> GetMasterAsync(CancellationToken cancellationToken = default) =>
        (await CallAsync(new Call { Type = CallType.GetMaster }, ResponseType.GetMaster, cancellationToken)).GetMaster
        ?? new GetMaster();

    public async Task<GetState> GetStateAsync(CancellationToken cancellationToken = default) =>
        (await CallAsync(new Call { Type = CallType.GetState }, ResponseType.GetState, cancellationToken)).GetState
        ?? new GetState();

    public async Task<GetAgents> GetAgentsAsync(CancellationToken cancellationToken = default) =>
        (await CallAsync(new Call { Type = CallType.GetAgents }, ResponseType.GetAgents, cancellationToken)).GetAgents
        ?? new GetAgents();

    public async Task<GetFrameworks> GetFrameworksAsync(CancellationToken cancellationToken = default) =>
        (await CallAsync(new Call { Type = CallType.GetFrameworks }, ResponseType.GetFrameworks, cancellationToken)).GetFrameworks
        ?? new GetFrameworks();

    public async Task<GetTasks> GetTasksAsync(CancellationToken cancellationToken = default) =>
        (await CallAsync(new Call { Type = CallType.GetTasks }, ResponseType.GetTasks, cancellationToken)).GetTasks
        ?? new GetTasks();

    public async Task<GetMetrics> GetMetricsAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var call = new Call
        {
            Type = CallType.GetMetrics,
            GetMetrics = new GetMetricsCall
            {
                Timeout = timeout is { } t ? new V1.DurationInfo { Nanoseconds = t.Ticks * 100 } : null,
            },
        };
        return (await CallAsync(call, ResponseType.GetMetrics, cancellationToken)).GetMetrics ?? new GetMetrics();
    }

    public async IAsyncEnumerable<Event> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var what = Describe(CallType.Subscribe);
        using var request = Request(new Call { Type = CallType.Subscribe });
        // Headers only: the body is an endless RecordIO stream, read record by record as it arrives.
        using var response = await MesosHttp.SendAsync(_http, request, HttpCompletionOption.ResponseHeadersRead,
            what, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw await MesosHttp.ErrorAsync(response, what, cancellationToken);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var records = new RecordIOReader(body);
        while (await ReadRecordAsync(records, what, cancellationToken) is { } record)
        {
            yield return Decode<Event>(record, what);
        }
    }

    private static async Task<byte[]?> ReadRecordAsync(RecordIOReader records, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await records.ReadAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or HttpRequestException)
        {
            throw new MesosApiException($"{what}: the event stream broke: {ex.Message}", innerException: ex);
        }
    }

    private async Task<Response> CallAsync(Call call, ResponseType expected, CancellationToken cancellationToken)
    {
        var what = Describe(call.Type!.Value);
        using var request = Request(call);
        using var response = await MesosHttp.SendAsync(_http, request, HttpCompletionOption.ResponseContentRead, what,
            cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw await MesosHttp.ErrorAsync(response, what, cancellationToken);
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var decoded = Decode<Response>(body, what);
        if (decoded.Type != expected)
        {
            var got = decoded.Type is { } type ? WireName(type) : "untyped";
            throw new MesosApiException($"{what}: the master answered with a {got} response instead of {WireName(expected)}",
                response.StatusCode, System.Text.Encoding.UTF8.GetString(body));
        }

        return decoded;
    }

    private HttpRequestMessage Request(Call call)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = MesosHttp.JsonContent(MesosJson.Serialize(call)) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(MesosJson.ContentType));
        return request;
    }

    private static T Decode<T>(byte[] json, string what) where T : class
    {
        try
        {
            return MesosJson.Deserialize<T>(json) ?? throw new JsonException("the message is JSON null");
        }
        catch (JsonException ex)
        {
            throw new MesosApiException($"{what}: the master sent JSON that is not a {typeof(T).Name}: {ex.Message}",
                HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(json), innerException: ex);
        }
    }

    /// <summary>"GET_STATE at http://host:5050/api/v1": the call as Mesos names it, for messages.</summary>
    private string Describe(CallType type) => $"{WireName(type)} at {_endpoint}";

    private static string WireName<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.SnakeCaseUpper.ConvertName(value.ToString());
}
