using System.Threading.Channels;
using MesosConsole.Mesos.Json;
using MesosConsole.Mesos.RecordIO;
using MesosConsole.Mesos.V1.Master;

namespace MesosConsole.LocalCluster.Tests.Support;

/// <summary>An operator SUBSCRIBE stream read into a channel, to wait on cluster events instead of polling.</summary>
internal sealed class OperatorStream : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly HttpResponseMessage _response;
    private readonly Channel<Event> _events = Channel.CreateUnbounded<Event>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;

    private OperatorStream(HttpClient http, HttpResponseMessage response, Stream body)
    {
        _http = http;
        _response = response;
        _reader = Task.Run(async () =>
        {
            try
            {
                await foreach (var record in new RecordIOReader(body).ReadAllAsync(_stop.Token))
                {
                    await _events.Writer.WriteAsync(MesosJson.Deserialize<Event>(record)!);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException)
            {
            }
            finally
            {
                _events.Writer.TryComplete();
            }
        });
    }

    public static async Task<OperatorStream> OpenAsync(Uri masterUrl)
    {
        var http = new HttpClient { BaseAddress = masterUrl, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1") { Content = TestScheduler.Json(new Call { Type = CallType.Subscribe }) };
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new OperatorStream(http, response, await response.Content.ReadAsStreamAsync());
    }

    public async Task<Event> NextAsync(Func<Event, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var e = await _events.Reader.ReadAsync(cts.Token);
            if (match(e))
            {
                return e;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        await _reader;
        _http.Dispose();
        _stop.Dispose();
    }
}
