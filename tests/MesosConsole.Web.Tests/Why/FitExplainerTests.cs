using System.Collections.Immutable;
using MesosConsole.Mesos.State;
using MesosConsole.Web.Offers;
using static MesosConsole.Web.Tests.Why.WhyFixtures;

namespace MesosConsole.Web.Tests.Why;

/// <summary>The core of "why is it not running?": per-agent fit, and the reasons that hold for the whole framework.</summary>
public sealed class FitExplainerTests
{
    private static readonly AllocatorKnowledge Streaming = new(true, ImmutableDictionary<string, ImmutableHashSet<string>>.Empty, [], Now);

    private static ResourceDemand Needs(double cpus = 1, double mem = 128, double disk = 0, ulong ports = 0, string? role = null) =>
        new(cpus, mem, disk, 0, ports, role);

    [Fact]
    public void Explain_AgentWithTooFewFreeCpus_SaysHowManyAreFreeAndHowManyTheTaskNeeds()
    {
        var snapshot = Snapshot([Agent("a1")], [Framework()], [Task("busy", "a1", cpus: 3.5)]);

        var report = FitExplainer.Explain(snapshot, snapshot.Frameworks["F1"], Needs(cpus: 1), Streaming);

        var agent = Assert.Single(report.Agents);
        Assert.False(agent.Fits);
        Assert.Equal("agent a1 (127.0.0.1:5051) has 0.5 free cpus (4 in all, the rest used by tasks or held in offers); the task needs 1.", Assert.Single(agent.Reasons));
        Assert.Equal("No agent can fit 1 cpus, 128 mem right now; the reasons for each are below.", report.Summary);
    }

    [Fact]
    public void Explain_EveryShortResource_IsListed()
    {
        var snapshot = Snapshot([Agent("a1", cpus: 1, mem: 256, disk: 100, ports: 1)], [Framework()]);

        var agent = Assert.Single(FitExplainer.Explain(snapshot, snapshot.Frameworks["F1"], Needs(cpus: 2, mem: 512, disk: 1000, ports: 2), Streaming).Agents);

        Assert.Collection(agent.Reasons,
            r => Assert.Equal("agent a1 (127.0.0.1:5051) has 1 free cpus; the task needs 2.", r),
            r => Assert.Equal("agent a1 (127.0.0.1:5051) has 256 free mem (MB); the task needs 512.", r),
            r => Assert.Equal("agent a1 (127.0.0.1:5051) has 100 free disk (MB); the task needs 1000.", r),
            r => Assert.Equal("agent a1 (127.0.0.1:5051) has 1 free port(s); the task needs 2.", r));
    }

    [Fact]
    public void Explain_ResourcesHeldInOutstandingOffers_AreNotFree()
    {
        var snapshot = Snapshot([Agent("a1", offered: new ResourceSummary(4, 4096, 0, 0, 0))], [Framework()]);

        var agent = Assert.Single(FitExplainer.Explain(snapshot, snapshot.Frameworks["F1"], Needs(), Streaming).Agents);

        Assert.False(agent.Fits);
        Assert.Contains(agent.Reasons, r => r.StartsWith("agent a1 (127.0.0.1:5051) has 0 free cpus", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_FinishedTasks_DoNotHoldResources()
    {
        var snapshot = Snapshot([Agent("a1", cpus: 1)], [Framework()], [Task("done", "a1", cpus: 1, state: Mesos.V1.TaskState.TaskFinished)]);

        Assert.True(Assert.Single(FitExplainer.Explain(snapshot, snapshot.Frameworks["F1"], Needs(cpus: 1), Streaming).Agents).Fits);
    }

    [Fact]
    public void Explain_OneAgentFits_NamesItAndExpectsAnOfferSoon()
    {
        var snapshot = Snapshot([Agent("a1", cpus: 0.5), Agent("a2", port: 5052)], [Framework()]);

        var report = FitExplainer.Explain(snapshot, snapshot.Frameworks["F1"], Needs(cpus: 1), Streaming);

        Assert.Equal(["a1", "a2"], report.Agents.Select(a => a.AgentId));
        Assert.Equal([false, true], report.Agents.Select(a => a.Fits));
        Assert.Empty(report.FrameworkReasons);
        Assert.StartsWith("Agent a2 could fit 1 cpus, 128 mem. Framework 'batch' should get an offer", report.Summary);
    }

    [Fact]
    public void Explain_InactiveAgent_IsNotOfferedEvenWithRoom()
    {
        var snapshot = Snapshot([Agent("a1", active: false)], [Framework()]);

        var report = FitExplainer.Explain(snapshot, snapshot.Frameworks["F1"], Needs(), Streaming);

        Assert.Equal("agent a1 (127.0.0.1:5051) is inactive, so the allocator offers nothing from it.", Assert.Single(Assert.Single(report.Agents).Reasons));
        Assert.Contains("Every agent is inactive, so there is nothing to offer anyone.", report.FrameworkReasons);
    }

    [Fact]
    public void Explain_NoAgents_SaysThereIsNothingToOffer()
    {
        var snapshot = Snapshot([], [Framework()]);

        var report = FitExplainer.Explain(snapshot, snapshot.Frameworks["F1"], Needs(), Streaming);

        Assert.Equal(["No agents are registered, so there is nothing to offer anyone."], report.FrameworkReasons);
        Assert.Equal("Nothing can run 1 cpus, 128 mem: there are no agents.", report.Summary);
    }

    [Fact]
    public void Explain_DisconnectedFramework_SaysItGetsNoOffersUntilItReconnects()
    {
        var snapshot = Snapshot([Agent("a1")], [Framework(connected: false, status: FrameworkStatus.Inactive)]);

        var report = FitExplainer.Explain(snapshot, snapshot.Frameworks["F1"], Needs(), Streaming);

        Assert.Equal(["Framework 'batch' is disconnected: its scheduler is not subscribed, so the master sends it no offers until it reconnects."], report.FrameworkReasons);
        Assert.StartsWith("Agent a1 could fit 1 cpus, 128 mem, but framework 'batch' cannot get offers for it", report.Summary);
    }

    [Fact]
    public void Explain_InactiveButConnectedFramework_SaysItIsInactive()
    {
        var snapshot = Snapshot([Agent("a1")], [Framework(status: FrameworkStatus.Inactive)]);

        Assert.Equal(["Framework 'batch' is inactive: the master has deactivated it and sends it no offers."],
            FitExplainer.Explain(snapshot, snapshot.Frameworks["F1"], Needs(), Streaming).FrameworkReasons);
    }

    [Fact]
    public void Explain_RemovedFramework_NeverGetsOffers()
    {
        var snapshot = Snapshot([Agent("a1")], [Framework(connected: false, status: FrameworkStatus.Completed)]);

        Assert.StartsWith("Framework 'batch' has been removed",
            Assert.Single(FitExplainer.Explain(snapshot, snapshot.Frameworks["F1"], Needs(), Streaming).FrameworkReasons));
    }

    [Fact]
    public void Explain_RoleTheFrameworkDoesNotHave_IsARoleMismatch()
    {
        var snapshot = Snapshot([Agent("a1")], [Framework(roles: ["science"])]);

        var report = FitExplainer.Explain(snapshot, snapshot.Frameworks["F1"], Needs(role: "gpu-lab"), Streaming);

        Assert.Equal(["The work asks for role 'gpu-lab', but framework 'batch' subscribed with role(s) 'science': offers for 'gpu-lab' never reach it."], report.FrameworkReasons);
    }

    [Fact]
    public void Explain_NoRoleGiven_UsesTheFrameworksFirstRole()
    {
        var snapshot = Snapshot([Agent("a1")], [Framework(roles: ["science"])]);

        Assert.Empty(FitExplainer.Explain(snapshot, snapshot.Frameworks["F1"], Needs(), Streaming).FrameworkReasons);
    }

    [Fact]
    public void Explain_SuppressedRole_SaysTheFrameworkAskedForNoOffers()
    {
        var snapshot = Snapshot([Agent("a1")], [Framework()]);
        var knowledge = Streaming with { SuppressedRoles = ImmutableDictionary<string, ImmutableHashSet<string>>.Empty.Add("F1", ["*"]) };

        var report = FitExplainer.Explain(snapshot, snapshot.Frameworks["F1"], Needs(), knowledge);

        Assert.Equal(["Framework 'batch' has suppressed offers for role '*': it told the master it wants none until it revives."], report.FrameworkReasons);
    }

    [Fact]
    public void Explain_ActiveRefusalFilter_KeepsThatAgentAwayUntilItExpires()
    {
        var snapshot = Snapshot([Agent("a1"), Agent("a2", port: 5052)], [Framework()]);
        var knowledge = Streaming with { Filters = [new ActiveFilter("F1", "a1", "*", Now.AddSeconds(25), "cpus:4")] };

        var report = FitExplainer.Explain(snapshot, snapshot.Frameworks["F1"], Needs(), knowledge);

        Assert.Equal("framework 'batch' declined agent a1 (127.0.0.1:5051) and asked not to be offered it until 20:20:25 (a refusal filter, 25 s left).",
            Assert.Single(report.Agents[0].Reasons));
        Assert.True(report.Agents[1].Fits);
        Assert.Equal(["Framework 'batch' declined offers from 1 agent(s) with a refusal filter: the allocator keeps those agents away from it (the last filter ends at 20:20:25) unless they get more to offer."],
            report.FrameworkReasons);
        Assert.StartsWith("Agent a2 could fit 1 cpus, 128 mem. Framework 'batch' should get an offer", report.Summary); // a filter blocks one agent, not all
    }

    [Fact]
    public void Explain_ExpiredFilterOrAnotherFrameworks_DoNotCount()
    {
        var snapshot = Snapshot([Agent("a1")], [Framework()]);
        var knowledge = Streaming with
        {
            Filters = [new ActiveFilter("F1", "a1", "*", Now.AddSeconds(-1), null), new ActiveFilter("F2", "a1", "*", Now.AddSeconds(30), null)],
        };

        Assert.True(Assert.Single(FitExplainer.Explain(snapshot, snapshot.Frameworks["F1"], Needs(), knowledge).Agents).Fits);
    }

    [Fact]
    public void Explain_ClusterWithoutTheDecisionStream_SaysFiltersCannotBeSeen()
    {
        var snapshot = Snapshot([Agent("a1")], [Framework()]);

        var report = FitExplainer.Explain(snapshot, snapshot.Frameworks["F1"], Needs(), AllocatorKnowledge.None(Now));

        Assert.Equal(["This cluster does not stream allocator decisions, so refusal filters (declined offers) cannot be seen here."], report.FrameworkReasons);
        Assert.StartsWith("Agent a1 could fit", report.Summary); // that note alone blocks nothing
        Assert.DoesNotContain("cannot get offers", report.Summary);
    }

    [Fact]
    public void Explain_WithoutAFramework_StillJudgesEveryAgent()
    {
        var snapshot = Snapshot([Agent("a1", cpus: 2)]);

        var report = FitExplainer.Explain(snapshot, null, Needs(cpus: 3), Streaming);

        Assert.False(Assert.Single(report.Agents).Fits);
        Assert.Empty(report.FrameworkReasons);
    }

    [Fact]
    public void ResourceDemand_FromATasksResources_KeepsEveryScalarAndPorts()
    {
        var demand = ResourceDemand.From(new ResourceSummary(0.5, 64, 10, 1, 2), "science");

        Assert.Equal(new ResourceDemand(0.5, 64, 10, 1, 2, "science"), demand);
        Assert.Equal("0.5 cpus, 64 mem, 10 disk, 1 gpus, 2 port(s)", demand.ToString());
    }
}
