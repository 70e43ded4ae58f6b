using System.Net;
using MesosConsole.LocalCluster.Hosting;
using MesosConsole.LocalCluster.Tests.Support;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Scheduler;
using Microsoft.Extensions.Time.Testing;

namespace MesosConsole.LocalCluster.Tests.Allocator;

/// <summary>
/// The console's allocator extension (<c>/console/v1/allocator</c>) on a real embedded cluster with two
/// agents, a real framework over the scheduler API, and the master's clock as a
/// <see cref="FakeTimeProvider"/>: an allocation cycle runs exactly when the test advances time by
/// one interval (the timer fires inside <c>Advance</c>), so "no cycle while paused" needs no waiting.
/// </summary>
public sealed class AllocatorEndpointTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private EmbeddedCluster _cluster = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _cluster = await EmbeddedCluster.StartAsync(new LocalClusterOptions
        {
            MasterPort = 0,
            FirstAgentPort = 0,
            Agents = 2,
            AllocationIntervalSeconds = Interval.TotalSeconds,
            Resources = "cpus:4;mem:4096;disk:20000;ports:[31000-32000]",
            KillGracePeriodSeconds = 1,
        }, timeProvider: _time, cancellationToken: TestContext.Current.CancellationToken);
        _http = new HttpClient { BaseAddress = _cluster.MasterUrl };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Events_WhenAFrameworkSubscribes_StreamsOfferMadeWithDominantShares()
    {
        await using var stream = await DecisionStream.OpenAsync(_http);
        Assert.Equal("application/x-ndjson", stream.ContentType);
        var subscribed = await stream.NextAsync();
        Assert.Equal("SUBSCRIBED", subscribed.Type());
        Assert.False(subscribed.GetProperty("paused").GetBoolean());
        Assert.Equal(1000, subscribed.GetProperty("allocation_interval_ms").GetInt32());

        await using var scheduler = await TestScheduler.SubscribeAsync(_cluster.MasterUrl);
        _time.Advance(Interval);

        var lines = await stream.ReadThroughAsync("CYCLE");
        var made = lines.OfType("OFFER_MADE").ToList();
        Assert.Equal(2, made.Count); // one whole agent each
        Assert.All(made, m => Assert.Equal(scheduler.FrameworkId.Value, m.Text("framework_id")));
        Assert.Equal(0, made[0].GetProperty("dominant_share_before").GetDouble());
        Assert.Equal(0.5, made[1].GetProperty("dominant_share_before").GetDouble(), 3);
        Assert.Equal(1.0, made[1].GetProperty("dominant_share").GetDouble(), 3);
        Assert.Contains("cpus:4", made[0].Text("resources"));
        Assert.Contains("was the lowest", made[0].Text("message"));

        // The offer ids on the stream are the ones the framework received.
        var offers = await scheduler.NextOffersAsync();
        var sent = offers.Select(o => o.Id!.Value).Order().ToList();
        Assert.Equal(sent, made.Select(m => m.Text("offer_id")!).Order().ToList());

        var cycle = lines[^1];
        Assert.Equal(2, cycle.GetProperty("offers_made").GetInt32());
        var share = Assert.Single(cycle.GetProperty("shares").EnumerateArray());
        Assert.Equal(scheduler.FrameworkId.Value, share.Text("framework_id"));
        Assert.Equal(1.0, share.GetProperty("dominant_share").GetDouble(), 3);
    }

    [Fact]
    public async Task Events_WhenTheFrameworkDeclinesWithAFilter_SayDeclinedAndFilteredForThatLong()
    {
        await using var stream = await DecisionStream.OpenAsync(_http);
        await using var scheduler = await TestScheduler.SubscribeAsync(_cluster.MasterUrl);
        _time.Advance(Interval);
        await stream.ReadThroughAsync("CYCLE");
        var offer = (await scheduler.NextOffersAsync())[0];

        using var decline = await scheduler.DeclineAsync(offer, refuseSeconds: 30);
        Assert.Equal(HttpStatusCode.Accepted, decline.StatusCode);

        var lines = await stream.ReadThroughAsync("OFFER_DECLINED");
        var declined = lines[^1];
        Assert.Equal(offer.Id!.Value, declined.Text("offer_id"));
        Assert.Equal(offer.AgentId!.Value, declined.Text("agent_id"));
        Assert.Equal(30, declined.GetProperty("refuse_seconds").GetDouble());
        Assert.Contains("for 30 s", declined.Text("message"));
        var filter = Assert.Single(lines.OfType("FILTER_ADDED"));
        Assert.Equal(_time.GetUtcNow().AddSeconds(30).UtcDateTime, filter.GetProperty("filter_until").GetDateTime());
        Assert.Equal(0.5, declined.GetProperty("dominant_share").GetDouble(), 3); // the other agent is still offered

        // The next cycle skips the framework on that agent, and says why.
        _time.Advance(Interval);
        var next = await stream.ReadThroughAsync("CYCLE");
        var skipped = Assert.Single(next.OfType("FRAMEWORK_SKIPPED"));
        Assert.Equal(offer.AgentId.Value, skipped.Text("agent_id"));
        Assert.Empty(next.OfType("OFFER_MADE"));
    }

    [Fact]
    public async Task Events_WhenTheFrameworkAccepts_SayAcceptedWithTheTasksLaunched()
    {
        await using var stream = await DecisionStream.OpenAsync(_http);
        await using var scheduler = await TestScheduler.SubscribeAsync(_cluster.MasterUrl);
        _time.Advance(Interval);
        await stream.ReadThroughAsync("CYCLE");
        var offer = (await scheduler.NextOffersAsync())[0];

        using var accept = await scheduler.LaunchAsync(offer, TestScheduler.CommandTask("t1", offer.AgentId!, "true"));
        Assert.Equal(HttpStatusCode.Accepted, accept.StatusCode);

        var accepted = (await stream.ReadThroughAsync("OFFER_ACCEPTED"))[^1];
        Assert.Equal(offer.Id!.Value, accepted.Text("offer_id"));
        Assert.Equal(1, accepted.GetProperty("tasks_launched").GetInt32());
        Assert.Contains("launched 1 task(s)", accepted.Text("message"));
    }

    [Fact]
    public async Task Events_WhenAnOfferIsHeldPastTheTimeout_SayRescinded()
    {
        await using var cluster = await EmbeddedCluster.StartAsync(new LocalClusterOptions
        {
            MasterPort = 0,
            FirstAgentPort = 0,
            Agents = 1,
            AllocationIntervalSeconds = Interval.TotalSeconds,
            OfferTimeoutSeconds = 5,
        }, timeProvider: _time, cancellationToken: TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = cluster.MasterUrl };
        await using var stream = await DecisionStream.OpenAsync(http);
        await using var scheduler = await TestScheduler.SubscribeAsync(cluster.MasterUrl);
        _time.Advance(Interval);
        var made = (await stream.ReadThroughAsync("CYCLE")).OfType("OFFER_MADE").Single();

        _time.Advance(TimeSpan.FromSeconds(5));

        var rescinded = (await stream.ReadThroughAsync("OFFER_RESCINDED"))[^1];
        Assert.Equal(made.Text("offer_id"), rescinded.Text("offer_id"));
        Assert.Contains("held longer than 5 s", rescinded.Text("message"));
        Assert.Equal(EventType.Rescind, (await scheduler.NextAsync(e => e.Type == EventType.Rescind)).Type);
    }

    [Fact]
    public async Task PauseAndStep_WhilePaused_NoCycleRunsAndEachStepRunsExactlyOne()
    {
        await using var stream = await DecisionStream.OpenAsync(_http);
        await stream.NextAsync();
        using (var pause = await _http.PostAsync("console/v1/allocator/pause", null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, pause.StatusCode);
            Assert.Contains("\"paused\":true", await pause.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        await using var scheduler = await TestScheduler.SubscribeAsync(_cluster.MasterUrl);
        _time.Advance(Interval * 5); // five intervals: five cycles, were it running

        using (var step = await _http.PostAsync("console/v1/allocator/step", null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, step.StatusCode);
            Assert.Equal("""{"offers_made":2,"paused":true}""", await step.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        using (var resume = await _http.PostAsync("console/v1/allocator/resume", null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        }

        // Everything between PAUSED and RESUMED, in order: the step and its single cycle, nothing else.
        var lines = await stream.ReadThroughAsync("RESUMED");
        Assert.Equal(["PAUSED", "STEP", "OFFER_MADE", "OFFER_MADE", "CYCLE", "RESUMED"], lines.Select(l => l.Type()));
        Assert.Equal(2, (await scheduler.NextOffersAsync()).Count);

        _time.Advance(Interval);
        Assert.Equal("CYCLE", (await stream.NextAsync()).Type()); // resumed: the timer's cycles are back
    }

    [Fact]
    public async Task Status_ReportsPausedAndSharesAsJson()
    {
        using var response = await _http.GetAsync("console/v1/allocator", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"paused":false,"allocation_interval_ms":1000,"subscribers":0,"shares":[]}""",
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("GET", "console/v1/allocator/pause", "POST")]
    [InlineData("GET", "console/v1/allocator/step", "POST")]
    [InlineData("PUT", "console/v1/allocator/resume", "POST")]
    [InlineData("POST", "console/v1/allocator/events", "GET")]
    [InlineData("DELETE", "console/v1/allocator", "GET")]
    public async Task WrongMethod_Is405WithAllowAndAMessage(string method, string path, string allowed)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal([allowed], response.Content.Headers.Allow);
        Assert.Equal($"405 Method Not Allowed. /{path} expects {allowed}, but received '{method}'.",
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("console/v1/allocator/nope")]
    [InlineData("console/v2/allocator/events")]
    public async Task UnknownPath_Is404ListingWhatExists(string path)
    {
        using var response = await _http.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith($"No such console extension endpoint '/{path}'.", body);
        Assert.Contains("GET /console/v1/allocator/events", body);
    }

    [Fact]
    public async Task Step_WhileRunning_Is409AndRunsNothing()
    {
        using var response = await _http.PostAsync("console/v1/allocator/step", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("pause it first", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
