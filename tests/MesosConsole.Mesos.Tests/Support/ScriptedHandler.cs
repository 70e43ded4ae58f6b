using System.Collections.Concurrent;

namespace MesosConsole.Mesos.Tests.Support;

/// <summary>
/// An in-memory master: answers each request with the next scripted response and remembers what it
/// was asked (method, URL, headers, body), so tests can check the request the client put on the wire.
/// </summary>
public sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, HttpResponseMessage>> _answers = new();

    public List<RecordedRequest> Requests { get; } = [];

    public ScriptedHandler Answer(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        _answers.Enqueue(answer);
        return this;
    }

    public ScriptedHandler AnswerWith(string captureName) => Answer(_ => CapturedResponse.Load(captureName));

    public ScriptedHandler Fail(Exception exception) => Answer(_ => throw exception);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value)),
            request.Content?.Headers.ContentType?.ToString(), body));
        if (!_answers.TryDequeue(out var answer))
        {
            throw new InvalidOperationException($"No scripted answer left for {request.Method} {request.RequestUri}");
        }

        var response = answer(request);
        response.RequestMessage = request;
        return response;
    }
}

public sealed record RecordedRequest(HttpMethod Method, Uri Url, IReadOnlyDictionary<string, string> Headers,
    string? ContentType, string Body);
