using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;
using MesosConsole.Web.Cluster;

namespace MesosConsole.Web.Offers;

/// <summary>
/// One cluster's offer cycle, watched once for every viewer (see <see cref="OffersFeedRegistry"/>).
/// On a master with the allocator extension it reads the decision stream; on one without (a 404:
/// real Mesos) it polls <c>/metrics/snapshot</c> and <c>/master/frameworks</c> instead. Each change
/// makes a new <see cref="OfferActivity"/> and raises <see cref="Changed"/> (on the feed's thread).
/// </summary>
public sealed class OffersFeed : IAsyncDisposable
{
    /// <summary>How many decisions are kept (newest win).</summary>
    public const int MaxDecisions = 500;

    /// <summary>Share points closer together than this are merged (the chart's resolution).</summary>
    public static readonly TimeSpan ShareSpacing = TimeSpan.FromSeconds(1);

    /// <summary>Points kept per framework: 5 minutes at one a second.</summary>
    public const int MaxSharePoints = 300;

    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly IConsoleCluster _cluster;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private OfferActivity _activity = OfferActivity.Initial;
    private Task _running = Task.CompletedTask;

    public OffersFeed(IConsoleCluster cluster, TimeProvider time)
    {
        _cluster = cluster;
        _time = time;
    }

    public IConsoleCluster Cluster => _cluster;

    public OfferActivity Current => Volatile.Read(ref _activity);

    public event Action? Changed;

    public void Start() => _running = Task.Run(() => RunAsync(_stop.Token));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var leader = await _cluster.GetLeaderUrlAsync(cancellationToken);
                using var http = _cluster.CreateHttpClient();
                using var response = await http.GetAsync(new Uri(leader, AllocatorExtension.EventsPath), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    await PollCountersAsync(cancellationToken);
                    return;
                }

                response.EnsureSuccessStatusCode();
                Update(a => a with { Mode = OfferFeedMode.Decisions, Error = null });
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8);
                while (await reader.ReadLineAsync(cancellationToken) is { } line)
                {
                    if (AllocatorDecisionReader.Parse(line) is { } decision)
                    {
                        Update(a => OfferActivityReducer.Apply(a, decision));
                    }
                }

                Update(a => a with { Mode = OfferFeedMode.Unreachable, Error = "The master closed the allocator stream." });
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Update(a => a with { Mode = OfferFeedMode.Unreachable, Error = ex.Message });
            }

            await Task.Delay(RetryDelay, _time, cancellationToken);
        }
    }

    /// <summary>Counters mode: the master has no allocator stream, so poll what Mesos itself publishes.</summary>
    private async Task PollCountersAsync(CancellationToken cancellationToken)
    {
        Update(a => a with { Mode = OfferFeedMode.Counters, Error = null, Paused = null });
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var leader = await _cluster.GetLeaderUrlAsync(cancellationToken);
                using var http = _cluster.CreateHttpClient();
                var metrics = OfferCounters.Parse(await http.GetStringAsync(new Uri(leader, "metrics/snapshot"), cancellationToken));
                var frameworks = MasterFrameworks.Parse(await http.GetStringAsync(new Uri(leader, "master/frameworks"), cancellationToken));
                var now = _time.GetUtcNow();
                Update(a => OfferActivityReducer.ApplyCounters(a, metrics, frameworks, now) with { Mode = OfferFeedMode.Counters, Error = null });
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Update(a => a with { Error = ex.Message });
            }

            await Task.Delay(PollInterval, _time, cancellationToken);
        }
    }

    private void Update(Func<OfferActivity, OfferActivity> change)
    {
        lock (_gate)
        {
            var next = change(_activity);
            _activity = next with { Version = _activity.Version + 1 };
        }

        Changed?.Invoke();
    }

    internal static string Clock(DateTimeOffset at) => at.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
