using System.Text.Json;

namespace MesosConsole.LocalCluster.Tests.Allocator;

/// <summary>
/// A reader of <c>GET /console/v1/allocator/events</c> as any client would open it: one HTTP response,
/// one JSON object per line, read in order.
/// </summary>
internal sealed class DecisionStream : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private DecisionStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public string? ContentType => _response.Content.Headers.ContentType?.MediaType;

    public static async Task<DecisionStream> OpenAsync(HttpClient http)
    {
        var response = await http.GetAsync("console/v1/allocator/events", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        return new DecisionStream(response, reader);
    }

    /// <summary>The next line, parsed; fails the test if none comes within the timeout.</summary>
    public async Task<JsonElement> NextAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The decision stream ended.");
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }

    /// <summary>Every line up to and including the first of type <paramref name="type"/>.</summary>
    public async Task<List<JsonElement>> ReadThroughAsync(string type)
    {
        List<JsonElement> lines = [];
        while (true)
        {
            var line = await NextAsync();
            lines.Add(line);
            if (line.GetProperty("type").GetString() == type)
            {
                return lines;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        await Task.CompletedTask;
    }
}

internal static class DecisionLines
{
    public static string Type(this JsonElement line) => line.GetProperty("type").GetString()!;

    public static string? Text(this JsonElement line, string name) =>
        line.TryGetProperty(name, out var value) ? value.GetString() : null;

    public static IEnumerable<JsonElement> OfType(this IEnumerable<JsonElement> lines, string type) => lines.Where(l => l.Type() == type);
}
