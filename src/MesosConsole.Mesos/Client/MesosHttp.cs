using System.Net.Http.Headers;

namespace MesosConsole.Mesos.Client;

/// <summary>HTTP plumbing shared by the Mesos clients: one handler setting, one way to fail.</summary>
public static class MesosHttp
{
    private const int MaxDetail = 500;

    /// <summary>
    /// The handler every <see cref="HttpClient"/> that talks to Mesos should use. Redirects are not
    /// followed: a 307 from a master means "ask the leader", which leader detection handles itself,
    /// and its protocol-relative <c>Location</c> is not a page to fetch.
    /// </summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        // Masters come and go (failover); recycle pooled connections so DNS changes are seen.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    /// <summary>A JSON body with exactly <c>application/json</c> as its type: Mesos compares the header with ==.</summary>
    internal static ByteArrayContent JsonContent(byte[] json)
    {
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue(Json.MesosJson.ContentType);
        return content;
    }

    /// <summary>Sends, turning "no answer" (refused, reset, timed out) into a <see cref="MesosApiException"/>.</summary>
    internal static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request,
        HttpCompletionOption completion, string what, CancellationToken cancellationToken)
    {
        var server = request.RequestUri!.GetLeftPart(UriPartial.Authority);
        try
        {
            return await http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new MesosApiException($"{what}: cannot reach {server}: {ex.Message}", innerException: ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MesosApiException($"{what}: {server} did not answer in time", innerException: ex);
        }
    }

    /// <summary>The exception for an answer that is not the expected one, carrying Mesos's own explanation.</summary>
    internal static async Task<MesosApiException> ErrorAsync(HttpResponseMessage response, string what,
        CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var location = RawLocation(response);
        var detail = body.Trim() switch
        {
            // Mesos explains in a line; anything longer (a proxy's HTML page) stays whole in Body only.
            { Length: > MaxDetail } text => text[..MaxDetail] + "…",
            { Length: > 0 } text => text,
            _ when location is not null => $"the leading master is at {location}",
            _ => "(empty body)",
        };
        return new MesosApiException($"{what} failed: {(int)response.StatusCode} {response.ReasonPhrase}: {detail}",
            response.StatusCode, body, location);
    }

    /// <summary>
    /// The <c>Location</c> header as sent. Mesos writes it protocol-relative (<c>//host:port/path</c>),
    /// which <see cref="Uri"/> would read as a file path on Unix, so the raw text is kept.
    /// </summary>
    internal static string? RawLocation(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("Location", out var values) ? values.FirstOrDefault() : null;
}
