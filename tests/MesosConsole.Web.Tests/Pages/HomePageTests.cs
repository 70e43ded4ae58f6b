using Bunit;
using MesosConsole.Mesos.State;
using MesosConsole.Mesos.V1;
using MesosConsole.Web.Components.Pages;
using MesosConsole.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace MesosConsole.Web.Tests.Pages;

/// <summary>The Overview page on a <see cref="FakeClusterStateFeed"/>: what a snapshot shows, and how updates arrive.</summary>
public sealed class HomePageTests : ConsoleComponentTest
{
    private const string Unreachable =
        "GET_MASTER at http://127.0.0.1:5050/api/v1: cannot reach http://127.0.0.1:5050: Connection refused (127.0.0.1:5050)";

    [Fact]
    public void Home_Snapshot_ShowsTheLeadersPidHostnameAndElection()
    {
        Feed.Publish(Mock.Snapshot(master: Mock.Master(pid: "master@10.0.0.5:5050", hostname: "mesos-m1.example")));

        var page = Render<Home>();

        Assert.Equal("master@10.0.0.5:5050", page.Find("[data-testid=leader-pid]").TextContent);
        Assert.Equal("mesos-m1.example", page.Find("[data-testid=leader-hostname]").TextContent);
        Assert.Equal("2026-11-25 20:18:28 UTC", page.Find("[data-testid=leader-elected]").TextContent);
    }

    [Fact]
    public void Home_ThreeAgents_ShowsThreeAgentsAndHowManyAreActive()
    {
        Feed.Publish(Mock.Snapshot(Mock.State(activeAgents: 2, inactiveAgents: 1, frameworks: 1)));

        var page = Render<Home>();

        Assert.Equal("3 agents", page.Find("[data-testid=agent-total]").TextContent);
        Assert.Equal("2 active, 0 deactivated, 1 disconnected", page.Find("[data-testid=agent-split]").TextContent);
        Assert.Equal("1 framework", page.Find("[data-testid=framework-total]").TextContent);
    }

    [Fact]
    public void Home_Tasks_ShowsCountsByStateInLifecycleOrder()
    {
        Feed.Publish(Mock.Snapshot(Mock.State(activeAgents: 1,
            tasks: [.. Mock.Tasks(TaskState.TaskRunning, 2), .. Mock.Tasks(TaskState.TaskStaging, 1)],
            completedTasks: Mock.Tasks(TaskState.TaskFinished, 4))));

        var page = Render<Home>();

        Assert.Equal(
            ["TASK_STAGING: 1", "TASK_RUNNING: 2", "TASK_FINISHED: 4"],
            page.FindAll("[data-testid=task-count]").Select(chip => chip.TextContent.Trim()));
    }

    [Fact]
    public void Home_AgentsInEveryState_CountsActiveDeactivatedAndDisconnected()
    {
        Feed.Publish(new SnapshotBuilder()
            .Agent("a1").Agent("a2")
            .Agent("a3", deactivated: true, active: false)
            .Agent("a4", active: false)
            .Build());

        var page = Render<Home>();

        Assert.Equal("4 agents", page.Find("[data-testid=agent-total]").TextContent);
        Assert.Equal("2 active, 1 deactivated, 1 disconnected", page.Find("[data-testid=agent-split]").TextContent);
    }

    [Fact]
    public void Home_Resources_SumTotalAllocatedOfferedAndIdleOverAgents()
    {
        // Two agents of 4 cpus / 4 GB / 20,000 MB disk / 1,001 ports; one has 1 cpu and 512 MB on offer.
        // Live tasks hold 0.5 + 1.5 cpus and 128 + 384 MB; a finished task holds nothing any more.
        Feed.Publish(new SnapshotBuilder()
            .Agent("a1", offered: new ResourceSummary(1, 512, 0, 0, 0)).Agent("a2")
            .Framework("f1", "one")
            .Task("f1", "t1", "a1", TaskState.TaskRunning, cpus: 0.5, mem: 128)
            .Task("f1", "t2", "a2", TaskState.TaskStaging, cpus: 1.5, mem: 384)
            .Task("f1", "t3", "a2", TaskState.TaskFinished, cpus: 3, mem: 3000)
            .Build());

        var page = Render<Home>();

        Assert.Equal(["8", "2", "1", "5"], Cells(page, "cpus"));
        Assert.Equal(["8 GB", "512 MB", "512 MB", "7 GB"], Cells(page, "mem"));
        Assert.Equal(["39.1 GB", "0 MB", "0 MB", "39.1 GB"], Cells(page, "disk"));
        Assert.Equal(["2002", "0", "0", "2002"], Cells(page, "ports"));
    }

    [Fact]
    public void Home_ConfiguredMasters_MarksTheLeaderAndListsTheOthersAsStandbys()
    {
        Feed.Publish(Mock.Snapshot(master: Mock.Master(pid: "master@10.0.0.5:5050", hostname: "m1")));
        var cluster = new FakeConsoleCluster(new MesosConsole.Web.Cluster.ClusterInfo(MesosConsole.Web.Cluster.ClusterInfo.DefaultId, "HA",
            MesosConsole.Web.Cluster.ClusterKind.Configured,
            [new Uri("http://10.0.0.5:5050"), new Uri("http://10.0.0.6:5050"), new Uri("http://10.0.0.7:5050")]), Feed, Master);
        Services.AddSingleton<MesosConsole.Web.Cluster.IClusterCatalog>(new FakeClusterCatalog(cluster));

        var page = Render<Home>();

        Assert.Equal("leader", page.Find("[data-testid=leader-mark]").TextContent);
        Assert.Equal(["10.0.0.6:5050", "10.0.0.7:5050"], page.FindAll("[data-testid=standby]").Select(s => s.TextContent));
    }

    [Fact]
    public void Home_NothingYet_SaysItIsAskingTheMaster()
    {
        var page = Render<Home>();

        Assert.NotEmpty(page.FindAll("[data-testid=loading]"));
        Assert.Empty(page.FindAll("[data-testid=master-unreachable]"));
    }

    [Fact]
    public void Home_UpdateArrivesLater_ShowsItWithoutAnyTimer()
    {
        Feed.Publish(Mock.Snapshot());
        var page = Render<Home>();
        Assert.Equal("3 agents", page.Find("[data-testid=agent-total]").TextContent);

        // Later than the render throttle's window, so nothing waits on the clock from here on.
        Time.Advance(TimeSpan.FromSeconds(5));
        Feed.Publish(Mock.Snapshot(Mock.State(activeAgents: 4, frameworks: 1, tasks: Mock.Tasks(TaskState.TaskRunning, 1))));

        page.WaitForAssertion(() => Assert.Equal("4 agents", page.Find("[data-testid=agent-total]").TextContent));
        Assert.Equal("1 framework", page.Find("[data-testid=framework-total]").TextContent);
        Assert.Equal("TASK_RUNNING: 1", page.Find("[data-testid=task-count]").TextContent.Trim());
    }

    [Fact]
    public void Home_UpdatesInQuickSuccession_WaitForTheRenderIntervalThenShowTheLatest()
    {
        Feed.Publish(Mock.Snapshot());
        var page = Render<Home>();

        Feed.Publish(Mock.Snapshot(Mock.State(activeAgents: 4)));
        Feed.Publish(Mock.Snapshot(Mock.State(activeAgents: 5)));
        Assert.Equal("3 agents", page.Find("[data-testid=agent-total]").TextContent);
        Time.Advance(Home.RenderInterval);

        page.WaitForAssertion(() => Assert.Equal("5 agents", page.Find("[data-testid=agent-total]").TextContent));
    }

    [Fact]
    public void Home_TaskFinishesLater_AllocatedFallsAfterTheRenderInterval()
    {
        var cluster = new SnapshotBuilder().Agent("a1").Framework("f1", "one");
        Feed.Publish(cluster.Task("f1", "t1", "a1", TaskState.TaskRunning, cpus: 2).Build());
        var page = Render<Home>();
        Assert.Equal("2", Cells(page, "cpus")[1]);

        Feed.Publish(cluster.Task("f1", "t1", "a1", TaskState.TaskFinished, cpus: 2).Build());
        Time.Advance(Home.RenderInterval);

        page.WaitForAssertion(() => Assert.Equal("0", Cells(page, "cpus")[1]));
    }

    [Fact]
    public void Home_Disconnected_ShowsTheBannerWithTheErrorAndTheRetryTime()
    {
        Feed.Publish(ClusterSnapshot.Empty with { Error = Unreachable, RetryAt = Time.GetUtcNow().AddSeconds(2) });

        var page = Render<Home>();

        var banner = page.Find("[data-testid=master-unreachable]").TextContent;
        Assert.Contains("The Mesos master cannot be reached.", banner);
        Assert.Contains(Unreachable, banner);
        Assert.Equal("Trying again at 20:20:02 UTC.", page.Find("[data-testid=retry-at]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=leader-card]"));
        Assert.Empty(page.FindAll("[data-testid=loading]"));
    }

    [Fact]
    public void Home_ConnectionLostAfterASnapshot_KeepsTheLastOverviewMarkedAsStale()
    {
        Feed.Publish(Mock.Snapshot());
        var page = Render<Home>();

        Time.Advance(TimeSpan.FromSeconds(5));
        Feed.Publish(Feed.Current with { Connected = false, Error = Unreachable, RetryAt = Time.GetUtcNow().AddSeconds(1) });

        page.WaitForAssertion(() => Assert.Contains(Unreachable, page.Find("[data-testid=master-unreachable]").TextContent));
        Assert.Equal("Showing what it last reported.", page.Find("[data-testid=stale-note]").TextContent);
        Assert.Equal("3 agents", page.Find("[data-testid=agent-total]").TextContent);
    }

    [Fact]
    public void Home_Reconnected_TheBannerGoes()
    {
        Feed.Publish(ClusterSnapshot.Empty with { Error = Unreachable, RetryAt = Time.GetUtcNow().AddSeconds(1) });
        var page = Render<Home>();
        Assert.NotEmpty(page.FindAll("[data-testid=master-unreachable]"));

        Time.Advance(TimeSpan.FromSeconds(1));
        Feed.Publish(Mock.Snapshot());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=master-unreachable]")));
        Assert.Equal("3 agents", page.Find("[data-testid=agent-total]").TextContent);
    }

    /// <summary>Total, allocated, offered and idle of one resource, as the page shows them.</summary>
    private static List<string> Cells(IRenderedComponent<Home> page, string resource) =>
        new[] { "total", "allocated", "offered", "idle" }.Select(c => page.Find($"[data-testid=resource-{resource}] [data-testid={c}]").TextContent).ToList();

    [Fact]
    public async Task Home_Disposed_StopsWatchingTheFeed()
    {
        Feed.Publish(Mock.Snapshot());
        var page = Render<Home>();
        Assert.Equal(1, Feed.Watchers);

        await DisposeComponentsAsync();
        Time.Advance(TimeSpan.FromSeconds(5));
        Feed.Publish(Mock.Snapshot(Mock.State(activeAgents: 4)));

        Assert.Equal(0, Feed.Watchers);
    }

    [Fact]
    public void Home_TwoBrowsers_WatchTheOneFeedWithoutAskingTheMaster()
    {
        Feed.Publish(Mock.Snapshot());

        Render<Home>();
        Render<Home>();

        Assert.Equal(2, Feed.Watchers);
        Assert.Equal(0, Master.Calls);
    }
}
