using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MesosConsole.Web.Sandbox;

/// <summary>
/// One agent's files API (<c>/files/browse|read|download</c>) and its <c>/state</c>, over a cluster's
/// HTTP client. Every failure is a <see cref="FilesApiException"/> that says what failed and where.
/// </summary>
public sealed class FilesApi(HttpClient http, Uri agentUrl)
{
    public Uri AgentUrl => agentUrl;

    public async Task<IReadOnlyList<SandboxEntry>> BrowseAsync(string path, CancellationToken cancellationToken)
    {
        var entries = await GetJsonAsync<List<BrowseEntry>>($"files/browse?path={Uri.EscapeDataString(path)}",
            "browse " + path, cancellationToken);
        return [.. entries.Select(e => new SandboxEntry(e.Path ?? "", e.Size, e.Mode ?? "",
            DateTimeOffset.UnixEpoch.AddSeconds(e.Mtime), e.Uid, e.Gid))];
    }

    /// <summary>The file's size now (the <c>offset=-1</c> probe).</summary>
    public async Task<long> SizeAsync(string path, CancellationToken cancellationToken) =>
        (await ReadAsync(path, -1, null, cancellationToken)).Offset;

    /// <summary>Text from <paramref name="offset"/>, at most <paramref name="length"/> bytes (the agent may cap it lower).</summary>
    public async Task<ReadResult> ReadAsync(string path, long offset, long? length, CancellationToken cancellationToken)
    {
        var query = string.Create(CultureInfo.InvariantCulture,
            $"files/read?path={Uri.EscapeDataString(path)}&offset={offset}{(length is { } l ? $"&length={l}" : "")}");
        var read = await GetJsonAsync<ReadResult>(query, "read " + path, cancellationToken);
        return read with { Data = read.Data ?? "" };
    }

    /// <summary>The download response, headers read, body not yet: the caller streams and disposes it.</summary>
    public async Task<HttpResponseMessage> DownloadAsync(string path, CancellationToken cancellationToken)
    {
        return await SendAsync($"files/download?path={Uri.EscapeDataString(path)}", "download " + path,
            HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>The agent's <c>/state</c> document (frameworks, executors and their sandbox directories).</summary>
    public async Task<JsonDocument> StateAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync("state", "read the agent's state", HttpCompletionOption.ResponseContentRead,
            cancellationToken);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new FilesApiException(FilesApiFailure.Rejected, $"The agent at {agentUrl} answered /state with something that is not JSON.", ex);
        }
    }

    private async Task<T> GetJsonAsync<T>(string relative, string what, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(relative, what, HttpCompletionOption.ResponseContentRead, cancellationToken);
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(JsonOptions, cancellationToken)
                ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            throw new FilesApiException(FilesApiFailure.Rejected, $"The agent at {agentUrl} answered \"{what}\" with something that is not the files API's JSON.", ex);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string relative, string what, HttpCompletionOption completion,
        CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(new Uri(agentUrl, relative), completion, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new FilesApiException(FilesApiFailure.Unreachable, $"The agent at {agentUrl} cannot be reached: {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FilesApiException(FilesApiFailure.Unreachable, $"The agent at {agentUrl} did not answer in time.", ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var detail = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
            detail = detail.Length > 300 ? detail[..300] + "…" : detail;
            throw response.StatusCode == HttpStatusCode.NotFound
                ? new FilesApiException(FilesApiFailure.NotFound, $"The agent at {agentUrl} has no such file or directory ({what}).")
                : new FilesApiException(FilesApiFailure.Rejected,
                    $"The agent at {agentUrl} refused to {what}: {(int)response.StatusCode} {response.ReasonPhrase}{(detail.Length > 0 ? ": " + detail : "")}");
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>A <c>/files/read</c> answer: <see cref="Offset"/> echoes the request, or is the size for the probe.</summary>
    public sealed record ReadResult(string Data, long Offset);

    private sealed record BrowseEntry(string? Path, long Size, string? Mode, double Mtime, string? Uid, string? Gid);
}
