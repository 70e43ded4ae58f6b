using System.Net;

namespace MesosConsole.Mesos.Client;

/// <summary>
/// Finds the leading master without ZooKeeper, the way the Mesos web UI does: any master answers
/// <c>GET /master/redirect</c> with <c>307 Location: //leader-host:port</c>, or 503 when no master leads.
/// Masters are asked in order; the first that names a leader wins.
/// </summary>
public sealed class LeaderDetector
{
    private readonly HttpClient _http;
    private readonly IReadOnlyList<Uri> _masters;

    /// <param name="http">Must not follow redirects (use <see cref="MesosHttp.CreateHandler"/>): the 307 is the answer.</param>
    /// <param name="masters">Base URLs of one or more masters of the same cluster.</param>
    public LeaderDetector(HttpClient http, IEnumerable<Uri> masters)
    {
        _http = http;
        _masters = masters.Select(MasterUrls.Normalize).ToList();
        if (_masters.Count == 0)
        {
            throw new ArgumentException("Leader detection needs at least one master URL.", nameof(masters));
        }
    }

    /// <summary>Returns the leader's base URL (<c>http://host:port/</c>).</summary>
    /// <exception cref="MesosApiException">No master named a leader; the message lists what each one said.</exception>
    public async Task<Uri> DetectAsync(CancellationToken cancellationToken = default)
    {
        var problems = new List<MesosApiException>();
        foreach (var master in _masters)
        {
            try
            {
                return await AskAsync(master, cancellationToken);
            }
            catch (MesosApiException ex)
            {
                problems.Add(ex);
            }
        }

        if (problems.Count == 1)
        {
            throw problems[0];
        }

        var last = problems[^1];
        throw new MesosApiException("No master named a leader: " + string.Join("; ", problems.Select(p => p.Message)),
            last.StatusCode, last.Body, last.Location, new AggregateException(problems));
    }

    private async Task<Uri> AskAsync(Uri master, CancellationToken cancellationToken)
    {
        var redirect = new Uri(master, "master/redirect");
        var what = $"Leader detection at {redirect}";
        using var request = new HttpRequestMessage(HttpMethod.Get, redirect);
        using var response = await MesosHttp.SendAsync(_http, request, HttpCompletionOption.ResponseContentRead, what,
            cancellationToken);
        if (response.StatusCode != HttpStatusCode.TemporaryRedirect)
        {
            throw await MesosHttp.ErrorAsync(response, what, cancellationToken);
        }

        var location = MesosHttp.RawLocation(response);
        return MasterUrls.FromLocation(master, location)
            ?? throw new MesosApiException($"{what}: the 307 answer names no leader (Location: '{location}')",
                response.StatusCode, location: location);
    }
}
