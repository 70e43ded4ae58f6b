using MesosConsole.Web.Offers;

namespace MesosConsole.Web.Tests.Offers;

/// <summary>The counters fallback reads what a real Mesos master publishes (captures from Mesos 1.11).</summary>
public sealed class OfferCountersTests
{
    private const string FrameworkId = "e86c8183-8577-4fa1-9928-b713c9c27ffa-0000";

    [Fact]
    public void Parse_RealMasterMetrics_ReadsThePerFrameworkOfferCounters()
    {
        var counters = OfferCounters.Parse(OffersCaptures.Body("running_master_metrics_snapshot"));

        var framework = Assert.Single(counters.Frameworks.Values);
        Assert.Equal(FrameworkId, framework.FrameworkId);
        Assert.Equal("mesos-execute instance", framework.Name); // url-decoded from mesos-execute%20instance
        Assert.Equal((2, 1, 1, 0), (framework.Sent, framework.Accepted, framework.Declined, framework.Rescinded));
        Assert.Equal(["*"], framework.SuppressedRoles);
        Assert.Equal(0, counters.OutstandingOffers);
        Assert.Equal(1, counters.DeclineMessages);
    }

    [Fact]
    public void Parse_RealMasterMetrics_ReadsTheClusterTotals()
    {
        var counters = OfferCounters.Parse(OffersCaptures.Body("running_master_metrics_snapshot"));

        Assert.Equal(2.0, counters.Totals["cpus"]);
        Assert.Equal(23081.0, counters.Totals["mem"]);
        Assert.Equal(252899.0, counters.Totals["disk"]);
        Assert.Equal(0.0, counters.Totals["gpus"]);
    }

    [Fact]
    public void Parse_IdleMaster_HasNoFrameworks()
    {
        var counters = OfferCounters.Parse("""{"master/outstanding_offers":0.0,"master/cpus_total":4.0,"allocator/mesos/allocation_runs":95.0}""");

        Assert.Empty(counters.Frameworks);
        Assert.Equal(4.0, counters.Totals["cpus"]);
    }

    [Fact]
    public void Parse_HierarchicalRoleSuppressed_KeepsTheWholeRoleName()
    {
        var counters = OfferCounters.Parse("""
            {"master/frameworks/batch/F1/offers/sent":3.0,
             "master/frameworks/batch/F1/roles/science/physics/suppressed":1.0,
             "master/frameworks/batch/F1/roles/other/suppressed":0.0}
            """);

        Assert.Equal(["science/physics"], counters.Frameworks["F1"].SuppressedRoles);
        Assert.Equal(3, counters.Frameworks["F1"].Sent);
    }

    [Fact]
    public void Parse_NotAnObject_Throws()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => OfferCounters.Parse("[1,2]"));
    }

    [Fact]
    public void MasterFrameworks_RealMaster_ReadsUsedAndOfferedResources()
    {
        var frameworks = MasterFrameworks.Parse(OffersCaptures.Body("running_master_frameworks"));

        var holdings = Assert.Single(frameworks.Holdings);
        Assert.Equal(FrameworkId, holdings.FrameworkId);
        Assert.Equal(0.1, holdings.Used["cpus"]);
        Assert.Equal(32.0, holdings.Used["mem"]);
        Assert.Equal(0.0, holdings.Offered["cpus"]);
        Assert.Empty(frameworks.Offers);
    }

    [Fact]
    public void MasterFrameworks_WithAnOffer_ListsItWithItsAgentRoleAndResources()
    {
        var frameworks = MasterFrameworks.Parse("""
            {"frameworks":[{"id":"F1","name":"batch","used_resources":{"cpus":0},"offered_resources":{"cpus":4.0,"mem":4096.0},
              "offers":[{"id":"M-O3","framework_id":"F1","allocation_info":{"role":"science"},"slave_id":"M-S1",
                         "resources":{"cpus":4.0,"gpus":0.0,"mem":4096.0,"disk":0.0,"ports":"[31000-32000]"}}]}]}
            """);

        var offer = Assert.Single(frameworks.Offers);
        Assert.Equal(new OutstandingOffer("M-O3", "F1", "M-S1", "science", "cpus:4;mem:4096;ports:[31000-32000]"), offer);
    }

    [Fact]
    public void DominantShares_RealMaster_MatchTheAllocatorsOwnFigure()
    {
        var counters = OfferCounters.Parse(OffersCaptures.Body("running_master_metrics_snapshot"));
        var frameworks = MasterFrameworks.Parse(OffersCaptures.Body("running_master_frameworks"));

        var shares = DominantShares.Compute(counters.Totals, frameworks.Holdings);

        // The same master reports allocator/mesos/roles/*/shares/dominant = 0.05 (0.1 of 2 cpus).
        Assert.Equal(0.05, shares[FrameworkId], 6);
    }

    [Fact]
    public void DominantShares_CountOfferedAsAllocated_AndTakeTheLargestResource()
    {
        var totals = new Dictionary<string, double> { ["cpus"] = 10, ["mem"] = 1000, ["gpus"] = 0 };
        var holdings = new FrameworkHoldings("F", "f",
            System.Collections.Immutable.ImmutableDictionary<string, double>.Empty.Add("cpus", 1).Add("mem", 100),
            System.Collections.Immutable.ImmutableDictionary<string, double>.Empty.Add("mem", 500));

        Assert.Equal(0.6, DominantShares.Compute(totals, [holdings])["F"], 6); // (100 + 500) / 1000 beats 1 / 10
    }
}
