using System.Net;

namespace MesosConsole.Mesos.Client;

/// <summary>
/// A Mesos HTTP API call that did not give the expected answer: the master refused it (status code
/// and its plain-text body, as Mesos writes errors), could not be reached, or sent something that is
/// not the Mesos wire format. One exception type, so callers can show every failure the same way.
/// </summary>
public sealed class MesosApiException : Exception
{
    public MesosApiException(string message, HttpStatusCode? statusCode = null, string body = "",
        string? location = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Body = body;
        Location = location;
    }

    /// <summary>The HTTP status the master answered with; null when no HTTP answer arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The response body as text (Mesos explains errors there), or empty.</summary>
    public string Body { get; }

    /// <summary>
    /// The raw <c>Location</c> header of a 307: a standby master names the leader there as <c>//host:port/…</c>.
    /// </summary>
    public string? Location { get; }

    /// <summary>True when the master answered that another master leads (307) or that none does (503).</summary>
    public bool IsNotLeader => StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.ServiceUnavailable;
}
