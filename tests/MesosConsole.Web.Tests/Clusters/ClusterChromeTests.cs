using Bunit;
using MesosConsole.Mesos.State;
using MesosConsole.Web.Cluster;
using MesosConsole.Web.Components.Layout;
using MesosConsole.Web.Components.Pages.Clusters;
using MesosConsole.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace MesosConsole.Web.Tests.Clusters;

/// <summary>The chooser, the connection banner and the clusters page, on a fake catalog.</summary>
public sealed class ClusterChromeTests : ConsoleComponentTest
{
    /// <summary>Any page but the overview, which shows its own banner.</summary>
    public ClusterChromeTests() => Services.GetRequiredService<NavigationManager>().NavigateTo("/agents");

    [Fact]
    public void ConnectionBanner_LeaderLost_SaysWhichMasterAndWhenItReconnects()
    {
        Feed.Publish(Mock.Snapshot(Mock.State(activeAgents: 1), Mock.Master(pid: "master@10.0.0.5:5050")) with
        {
            Connected = false,
            Error = "SUBSCRIBE stream ended",
            RetryAt = new DateTimeOffset(2026, 11, 25, 20, 20, 4, TimeSpan.Zero),
        });

        var banner = Render<ClusterConnectionBanner>();

        Assert.Equal("Lost the leading master of Test cluster (master@10.0.0.5:5050).", banner.Find("[data-testid=banner-title]").TextContent);
        Assert.Equal("SUBSCRIBE stream ended", banner.Find("[data-testid=banner-error]").TextContent.Trim());
        Assert.Contains("20:20:04 UTC", banner.Find("[data-testid=banner-retry]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectionBanner_OnTheOverview_LeavesItToTheOverviewsOwnBanner()
    {
        Feed.Publish(ClusterSnapshot.Empty with { Error = "connection refused", RetryAt = Time.GetUtcNow().AddSeconds(2) });
        Services.GetRequiredService<NavigationManager>().NavigateTo("/");

        var banner = Render<ClusterConnectionBanner>();

        Assert.Empty(banner.FindAll("[data-testid=connection-banner]"));
    }

    [Fact]
    public void ConnectionBanner_Reconnected_Disappears()
    {
        Feed.Publish(ClusterSnapshot.Empty with { Error = "connection refused", RetryAt = Time.GetUtcNow().AddSeconds(2) });
        var banner = Render<ClusterConnectionBanner>();
        Assert.Equal("Cannot reach the masters of Test cluster.", banner.Find("[data-testid=banner-title]").TextContent);

        Feed.Publish(Mock.Snapshot(Mock.State(activeAgents: 1)));
        Time.Advance(ClusterPageBaseInterval);

        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll("[data-testid=connection-banner]")));
    }

    [Fact]
    public void ConnectionBanner_TabSwitchesCluster_ShowsTheNewClustersState()
    {
        var lab = new FakeConsoleCluster(new ClusterInfo("lab", "Lab", ClusterKind.Stored, [new Uri("http://10.1.0.1:5050")]),
            new FakeClusterStateFeed(), new FakeOperatorClient());
        lab.Feed.Publish(ClusterSnapshot.Empty with { Error = "no leader", RetryAt = Time.GetUtcNow() });
        Catalog.Add(lab);
        var banner = Render<ClusterConnectionBanner>();
        Assert.Empty(banner.FindAll("[data-testid=connection-banner]"));

        banner.InvokeAsync(() => Services.GetRequiredService<ClusterSelection>().Select("lab"));

        banner.WaitForAssertion(() =>
            Assert.Equal("Cannot reach the masters of Lab.", banner.Find("[data-testid=banner-title]").TextContent));
        Assert.Equal(0, Feed.Watchers);
        Assert.Equal(1, lab.Feed.Watchers);
    }

    [Fact]
    public void ClustersPage_BadMasterUrl_ShowsTheFormMessageAndAddsNothing()
    {
        var page = Render<ClustersPage>();

        page.Find("[data-testid=new-cluster-name]").Change("Lab");
        page.Find("[data-testid=new-cluster-masters]").Change("10.0.0.5:5050");
        page.Find("form").Submit();

        Assert.Contains("\"10.0.0.5:5050\" is not an http:// or https:// URL", page.Markup, StringComparison.Ordinal);
        Assert.Single(Catalog.Clusters);
    }

    [Fact]
    public void ClustersPage_NameTaken_ShowsTheCatalogsReasonAndKeepsWhatWasTyped()
    {
        var page = Render<ClustersPage>();

        page.Find("[data-testid=new-cluster-name]").Change("Test cluster");
        page.Find("[data-testid=new-cluster-masters]").Change("http://10.0.0.5:5050");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal("There is already a cluster named \"Test cluster\".", page.Find("[data-testid=add-error]").TextContent));
        Assert.Equal("http://10.0.0.5:5050", page.Find("[data-testid=new-cluster-masters]").GetAttribute("value")
            ?? page.Find("[data-testid=new-cluster-masters]").TextContent);
    }

    [Fact]
    public void ClustersPage_ValidCluster_IsAddedSelectedAndListedWithItsStatus()
    {
        var page = Render<ClustersPage>();

        page.Find("[data-testid=new-cluster-name]").Change("Lab");
        page.Find("[data-testid=new-cluster-masters]").Change("http://10.0.0.5:5050\nhttp://10.0.0.6:5050");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal(["Test cluster", "Lab"], page.FindAll("[data-testid=cluster-name]").Select(c => c.TextContent)));
        var lab = Assert.Single(Catalog.Clusters, c => c.Info.Name == "Lab");
        Assert.Equal([new Uri("http://10.0.0.5:5050"), new Uri("http://10.0.0.6:5050")], lab.Info.MasterUrls);
        Assert.Same(lab, Services.GetRequiredService<ClusterSelection>().Current);
    }

    [Fact]
    public void ClustersPage_Remove_TakesTheStoredClusterOutOfTheCatalog()
    {
        Catalog.Add(new FakeConsoleCluster(new ClusterInfo("lab", "Lab", ClusterKind.Stored, [new Uri("http://10.1.0.1:5050")]),
            new FakeClusterStateFeed(), new FakeOperatorClient()));
        var page = Render<ClustersPage>();

        page.Find("[data-testid=remove-cluster]").Click();

        page.WaitForAssertion(() => Assert.Equal(["Test cluster"], page.FindAll("[data-testid=cluster-name]").Select(c => c.TextContent)));
        Assert.Empty(page.FindAll("[data-testid=remove-cluster]"));
    }

    private static readonly TimeSpan ClusterPageBaseInterval = MesosConsole.Web.Components.Shared.ClusterPageBase.RenderInterval;
}
