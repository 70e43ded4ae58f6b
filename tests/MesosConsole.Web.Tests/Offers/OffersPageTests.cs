using Bunit;
using MesosConsole.Web.Components.Pages.Offers;
using MesosConsole.Web.Offers;
using MesosConsole.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static MesosConsole.Web.Tests.Why.WhyFixtures;

namespace MesosConsole.Web.Tests.Offers;

/// <summary>
/// The offers teaching page: on a master with the allocator extension (a <see cref="FakeMasterHttp"/>
/// stream the test writes decisions into), and on one without (404, so counters from the metrics).
/// Renders come from a 100 ms timer on the fake clock, so each check advances time once the feed has
/// taken the lines in.
/// </summary>
public sealed class OffersPageTests : ConsoleComponentTest
{
    private const string At = "2026-11-25T20:20:00Z";

    public OffersPageTests()
    {
        Services.AddOffers();
        Feed.Publish(Snapshot([Agent("A1"), Agent("A2", port: 5052)], [Framework("F1", "batch")]));
    }

    private OffersFeedRegistry Registry => Services.GetRequiredService<OffersFeedRegistry>();

    private OffersFeed CurrentFeed => Registry.Find(Cluster) ?? throw new InvalidOperationException("Nobody watches the cluster.");

    private async Task<IRenderedComponent<OffersPage>> RenderAsync(FakeMasterHttp master, Func<OfferActivity, bool> until)
    {
        Cluster.Http = master;
        var page = Render<OffersPage>();
        await CurrentFeed.UntilAsync(until);
        Time.Advance(TimeSpan.FromSeconds(1));
        return page;
    }

    [Fact]
    public async Task Offers_EmbeddedStream_ShowsOffersMadeAndDeclinedWithTheFilterInPlainWords()
    {
        var master = new FakeMasterHttp();
        await master.WriteAsync(
            $$"""{"type":"SUBSCRIBED","at":"{{At}}","paused":false,"allocation_interval_ms":1000,"shares":[]}""",
            $$"""{"type":"OFFER_MADE","at":"{{At}}","framework_id":"F1","agent_id":"A1","role":"*","offer_id":"O1","resources":"cpus:4;mem:4096","dominant_share_before":0,"dominant_share":0.5}""",
            $$"""{"type":"OFFER_DECLINED","at":"{{At}}","framework_id":"F1","agent_id":"A1","role":"*","offer_id":"O1","resources":"cpus:4;mem:4096","refuse_seconds":30,"dominant_share":0}""");

        var page = await RenderAsync(master, a => a.Tally.Declined == 1);

        page.WaitForAssertion(() => Assert.Equal("1 offer(s) made", page.Find("[data-testid=tally-made]").TextContent));
        Assert.NotEmpty(page.FindAll("[data-testid=mode-decisions]"));
        Assert.Equal("1 declined", page.Find("[data-testid=tally-declined]").TextContent);
        var texts = page.FindAll("[data-testid=decision-text]").Select(t => t.TextContent).ToList();
        Assert.Equal(3, texts.Count); // newest first; the oldest is the stream's greeting
        Assert.Equal("Framework 'batch' declined offer O1 on agent A1 and asked not to see that agent for 30 s (a refusal filter). The resources go back to the pool for others.", texts[0]);
        Assert.StartsWith("Offered everything free on agent A1 (cpus:4;mem:4096) to framework 'batch'. Its dominant share was 0%, the lowest", texts[1]);
        Assert.Equal("Running: a cycle every 1000 ms.", page.Find("[data-testid=allocator-state]").TextContent.Trim());
        Assert.Equal("0%", page.Find("[data-testid=share-value]").TextContent);
    }

    [Fact]
    public async Task Offers_PauseThenStep_PostsToTheExtensionAndShowsThePausedCycle()
    {
        var master = new FakeMasterHttp();
        await master.WriteAsync($$"""{"type":"SUBSCRIBED","at":"{{At}}","paused":false,"allocation_interval_ms":1000,"shares":[]}""");
        var page = await RenderAsync(master, a => a.Mode == OfferFeedMode.Decisions && a.Paused == false);
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=pause]").HasAttribute("disabled")));
        Assert.True(page.Find("[data-testid=step]").HasAttribute("disabled"));

        await page.Find("[data-testid=pause]").ClickAsync(new());
        Assert.Equal(["/console/v1/allocator/pause"], master.Commands);
        await master.WriteAsync($$"""{"type":"PAUSED","at":"{{At}}","paused":true}""");
        await CurrentFeed.UntilAsync(a => a.Paused == true);
        Time.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.StartsWith("Paused", page.Find("[data-testid=allocator-state]").TextContent.Trim()));

        await page.Find("[data-testid=step]").ClickAsync(new());
        Assert.Equal(["/console/v1/allocator/pause", "/console/v1/allocator/step"], master.Commands);
        await master.WriteAsync(
            $$"""{"type":"STEP","at":"{{At}}","paused":true}""",
            $$"""{"type":"CYCLE","at":"{{At}}","offers_made":0,"duration_ms":0.1,"shares":[]}""");
        await CurrentFeed.UntilAsync(a => a.Decisions.Any(d => d.Kind == DecisionKind.Cycle));
        Time.Advance(TimeSpan.FromSeconds(1));

        page.WaitForAssertion(() => Assert.Contains("Allocation cycle done: no offer made",
            page.Find("[data-testid=decision-text]").TextContent));
    }

    [Fact]
    public async Task Offers_StepRefused_ShowsTheMastersReason()
    {
        var master = new FakeMasterHttp { CommandAnswer = (System.Net.HttpStatusCode.Conflict, "pause it first") };
        await master.WriteAsync($$"""{"type":"SUBSCRIBED","at":"{{At}}","paused":true,"allocation_interval_ms":1000,"shares":[]}""");
        var page = await RenderAsync(master, a => a.Paused == true);
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=step]").HasAttribute("disabled")));

        await page.Find("[data-testid=step]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("The master refused (409): pause it first", page.Find("[data-testid=command-error]").TextContent.Trim()));
    }

    [Fact]
    public async Task Offers_RealMesosWithoutTheExtension_SaysSoAndShowsTheCounters()
    {
        var master = new FakeMasterHttp
        {
            HasExtension = false,
            MetricsJson = OffersCaptures.Body("running_master_metrics_snapshot"),
            FrameworksJson = OffersCaptures.Body("running_master_frameworks"),
        };

        var page = await RenderAsync(master, a => a.Counters is not null);

        page.WaitForAssertion(() => Assert.Contains("This cluster does not stream allocator decisions; showing counters.",
            page.Find("[data-testid=mode-counters]").TextContent));
        var row = page.Find("[data-testid=counter-row]");
        Assert.Equal("2", row.QuerySelector("[data-testid=counter-sent]")!.TextContent);
        Assert.Equal("1", row.QuerySelector("[data-testid=counter-accepted]")!.TextContent);
        Assert.Equal("1", row.QuerySelector("[data-testid=counter-declined]")!.TextContent);
        Assert.Equal("5%", page.Find("[data-testid=share-value]").TextContent); // DRF: 0.1 of 2 cpus
        Assert.Empty(page.FindAll("[data-testid=allocator-controls]"));
        Assert.Equal(0, master.EventStreams);
    }

    [Fact]
    public async Task Offers_CountersMove_LogsWhatMovedSinceTheLastPoll()
    {
        var master = new FakeMasterHttp
        {
            HasExtension = false,
            MetricsJson = """{"master/cpus_total":4,"master/frameworks/batch/F1/offers/sent":1}""",
        };
        var page = await RenderAsync(master, a => a.Counters is not null);

        master.MetricsJson = """{"master/cpus_total":4,"master/frameworks/batch/F1/offers/sent":2,"master/frameworks/batch/F1/offers/declined":1}""";
        Time.Advance(OffersFeed.PollInterval);
        await CurrentFeed.UntilAsync(a => a.Decisions.Count == 1);
        Time.Advance(TimeSpan.FromSeconds(1));

        page.WaitForAssertion(() => Assert.Equal("Since 20:20:00, framework batch was sent 1 offer(s), declined 1 (from the master's counters).",
            page.Find("[data-testid=decision-text]").TextContent));
    }

    [Fact]
    public async Task Offers_TwoViewers_ShareOneStreamThatStopsWhenBothLeave()
    {
        var master = new FakeMasterHttp();
        await master.WriteAsync($$"""{"type":"SUBSCRIBED","at":"{{At}}","paused":false,"allocation_interval_ms":1000,"shares":[]}""");
        var first = await RenderAsync(master, a => a.Mode == OfferFeedMode.Decisions);
        var second = Render<OffersPage>();

        Assert.Equal(1, Registry.ActiveFeeds);
        Assert.Equal(1, master.EventStreams);

        await first.Instance.DisposeAsync();
        Assert.Equal(1, Registry.ActiveFeeds);
        await second.Instance.DisposeAsync();
        Assert.Equal(0, Registry.ActiveFeeds);
    }
}
