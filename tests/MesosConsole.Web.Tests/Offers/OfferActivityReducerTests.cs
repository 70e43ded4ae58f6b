using MesosConsole.Web.Offers;

namespace MesosConsole.Web.Tests.Offers;

/// <summary>How decisions from the allocator stream become what the offers page shows, bounded.</summary>
public sealed class OfferActivityReducerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 20, 20, 0, TimeSpan.Zero);

    private static AllocatorDecision Line(string json) => AllocatorDecisionReader.Parse(json) ?? throw new InvalidOperationException(json);

    [Fact]
    public void Parse_OfferMadeLine_ReadsEveryField()
    {
        var d = Line("""{"type":"OFFER_MADE","at":"2026-11-25T20:20:00.250Z","framework_id":"F1","agent_id":"A1","role":"*","offer_id":"O7","resources":"cpus:4;mem:4096","dominant_share_before":0,"dominant_share":0.5,"message":"Offered…"}""");

        Assert.Equal(DecisionKind.OfferMade, d.Kind);
        Assert.Equal(T0.AddMilliseconds(250), d.At);
        Assert.Equal(("F1", "A1", "*", "O7", "cpus:4;mem:4096"), (d.FrameworkId, d.AgentId, d.Role, d.OfferId, d.Resources));
        Assert.Equal((0.0, 0.5), (d.DominantShareBefore, d.DominantShare));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"no":"type"}""")]
    [InlineData("[1]")]
    public void Parse_LineThatIsNotADecision_IsSkipped(string line)
    {
        Assert.Null(AllocatorDecisionReader.Parse(line));
    }

    [Fact]
    public void Parse_UnknownType_IsKeptAsOtherWithItsMessage()
    {
        var d = Line("""{"type":"SOMETHING_NEW","at":"2026-11-25T20:20:00Z","message":"A new kind of decision."}""");

        Assert.Equal((DecisionKind.Other, "A new kind of decision."), (d.Kind, d.Message));
    }

    [Fact]
    public void Apply_OfferOutcomes_AreTalliedAndUpdateTheFrameworksShare()
    {
        var activity = OfferActivity.Initial;
        activity = OfferActivityReducer.Apply(activity, Line("""{"type":"OFFER_MADE","at":"2026-11-25T20:20:00Z","framework_id":"F1","dominant_share":0.5}"""));
        activity = OfferActivityReducer.Apply(activity, Line("""{"type":"OFFER_DECLINED","at":"2026-11-25T20:20:00.5Z","framework_id":"F1","refuse_seconds":30,"dominant_share":0}"""));
        activity = OfferActivityReducer.Apply(activity, Line("""{"type":"OFFER_ACCEPTED","at":"2026-11-25T20:20:02Z","framework_id":"F1","dominant_share":0.25}"""));

        Assert.Equal(new OfferTally(1, 1, 1, 0), activity.Tally);
        Assert.Equal(0.25, activity.Shares["F1"]);
        Assert.Equal(3, activity.Decisions.Count);
    }

    [Fact]
    public void Apply_SharePointsCloserThanASecond_AreMergedIntoOne()
    {
        var activity = OfferActivity.Initial;
        activity = OfferActivityReducer.Apply(activity, Line("""{"type":"OFFER_MADE","at":"2026-11-25T20:20:00Z","framework_id":"F1","dominant_share":0.5}"""));
        activity = OfferActivityReducer.Apply(activity, Line("""{"type":"OFFER_DECLINED","at":"2026-11-25T20:20:00.5Z","framework_id":"F1","dominant_share":0}"""));
        activity = OfferActivityReducer.Apply(activity, Line("""{"type":"OFFER_MADE","at":"2026-11-25T20:20:02Z","framework_id":"F1","dominant_share":0.5}"""));

        Assert.Equal([new SharePoint(T0.UtcDateTime, 0), new SharePoint(T0.AddSeconds(2).UtcDateTime, 0.5)], activity.ShareHistory["F1"]);
    }

    [Fact]
    public void Apply_ManyDecisions_KeepsOnlyTheNewest()
    {
        var activity = OfferActivity.Initial;
        for (var i = 0; i < OffersFeed.MaxDecisions + 20; i++)
        {
            activity = OfferActivityReducer.Apply(activity, new AllocatorDecision(DecisionKind.OfferMade, T0.AddSeconds(i), $"offer {i}"));
        }

        Assert.Equal(OffersFeed.MaxDecisions, activity.Decisions.Count);
        Assert.Equal("offer 20", activity.Decisions[0].Message);
        Assert.Equal(OffersFeed.MaxDecisions + 20, activity.Tally.Made);
    }

    [Fact]
    public void Apply_ShareHistory_IsBoundedPerFramework()
    {
        var activity = OfferActivity.Initial;
        for (var i = 0; i < OffersFeed.MaxSharePoints + 10; i++)
        {
            activity = OfferActivityReducer.Apply(activity, new AllocatorDecision(DecisionKind.OfferMade, T0.AddSeconds(i * 2), "") { FrameworkId = "F1", DominantShare = i });
        }

        Assert.Equal(OffersFeed.MaxSharePoints, activity.ShareHistory["F1"].Count);
        Assert.Equal(10, activity.ShareHistory["F1"][0].Share);
    }

    [Fact]
    public void Apply_EmptyCyclesAndSkips_AreLoggedOnlyWhilePaused()
    {
        var running = OfferActivityReducer.Apply(OfferActivity.Initial with { Paused = false }, Line("""{"type":"CYCLE","at":"2026-11-25T20:20:00Z","offers_made":0,"shares":[]}"""));
        running = OfferActivityReducer.Apply(running, Line("""{"type":"FRAMEWORK_SKIPPED","at":"2026-11-25T20:20:00Z","framework_id":"F1","agent_id":"A1"}"""));
        Assert.Empty(running.Decisions);

        var paused = OfferActivityReducer.Apply(OfferActivity.Initial with { Paused = true }, Line("""{"type":"CYCLE","at":"2026-11-25T20:20:00Z","offers_made":0,"shares":[]}"""));
        paused = OfferActivityReducer.Apply(paused, Line("""{"type":"FRAMEWORK_SKIPPED","at":"2026-11-25T20:20:00Z","framework_id":"F1","agent_id":"A1"}"""));
        Assert.Equal([DecisionKind.Cycle, DecisionKind.FrameworkSkipped], paused.Decisions.Select(d => d.Kind));
    }

    [Fact]
    public void Apply_FilterAddedThenRevived_FilterIsGoneAndRoleNotSuppressed()
    {
        var activity = OfferActivity.Initial;
        activity = OfferActivityReducer.Apply(activity, Line("""{"type":"FILTER_ADDED","at":"2026-11-25T20:20:00Z","framework_id":"F1","agent_id":"A1","role":"*","filter_until":"2026-11-25T20:20:30Z"}"""));
        activity = OfferActivityReducer.Apply(activity, Line("""{"type":"SUPPRESSED","at":"2026-11-25T20:20:01Z","framework_id":"F1","roles":["*"]}"""));
        Assert.Equal([new ActiveFilter("F1", "A1", "*", T0.AddSeconds(30), null)], activity.FiltersAt(T0.AddSeconds(5)));
        Assert.Empty(activity.FiltersAt(T0.AddSeconds(31)));
        Assert.Contains("*", activity.SuppressedRoles["F1"]);

        activity = OfferActivityReducer.Apply(activity, Line("""{"type":"REVIVED","at":"2026-11-25T20:20:02Z","framework_id":"F1","roles":["*"]}"""));

        Assert.Empty(activity.Filters);
        Assert.Empty(activity.SuppressedRoles["F1"]);
    }

    [Fact]
    public void ApplyCounters_SecondPoll_LogsWhatMovedInPlainWords()
    {
        var first = OfferCounters.Parse("""{"master/cpus_total":4,"master/frameworks/batch/F1/offers/sent":1,"master/frameworks/batch/F1/offers/declined":0}""");
        var second = OfferCounters.Parse("""{"master/cpus_total":4,"master/frameworks/batch/F1/offers/sent":3,"master/frameworks/batch/F1/offers/declined":2}""");

        var activity = OfferActivityReducer.ApplyCounters(OfferActivity.Initial, first, MasterFrameworks.Empty, T0);
        Assert.Empty(activity.Decisions); // the first poll is the baseline
        activity = OfferActivityReducer.ApplyCounters(activity, second, MasterFrameworks.Empty, T0.AddSeconds(2));

        var logged = Assert.Single(activity.Decisions);
        Assert.Equal(DecisionKind.CountersChanged, logged.Kind);
        Assert.Equal("Since 20:20:00, framework batch was sent 2 offer(s), declined 2 (from the master's counters).", logged.Message);
    }
}
