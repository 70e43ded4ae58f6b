using Bunit;
using MesosConsole.Mesos.Client;
using MesosConsole.Mesos.V1;
using MesosConsole.Web.Components.Pages;
using MesosConsole.Web.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace MesosConsole.Web.Tests.Pages;

public sealed class HomePageTests : ConsoleComponentTest
{
    private const string Unreachable =
        "GET_MASTER at http://127.0.0.1:5050/api/v1: cannot reach http://127.0.0.1:5050: Connection refused (127.0.0.1:5050)";

    [Fact]
    public void Home_MasterAnswers_ShowsTheLeadersPidAndHostname()
    {
        Master.Master = Mock.Master(pid: "master@10.0.0.5:5050", hostname: "mesos-m1.example");

        var page = Render<Home>();

        page.WaitForAssertion(() =>
        {
            Assert.Equal("master@10.0.0.5:5050", page.Find("[data-testid=leader-pid]").TextContent);
            Assert.Equal("mesos-m1.example", page.Find("[data-testid=leader-hostname]").TextContent);
        });
        Assert.Equal("2026-11-25 20:18:28 UTC", page.Find("[data-testid=leader-elected]").TextContent);
    }

    [Fact]
    public void Home_ThreeAgents_ShowsThreeAgentsAndHowManyAreActive()
    {
        Master.State = Mock.State(activeAgents: 2, inactiveAgents: 1, frameworks: 1);

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Equal("3 agents", page.Find("[data-testid=agent-total]").TextContent));
        Assert.Equal("2 active, 1 inactive", page.Find("[data-testid=agent-split]").TextContent);
        Assert.Equal("1 framework", page.Find("[data-testid=framework-total]").TextContent);
    }

    [Fact]
    public void Home_Tasks_ShowsCountsByStateInLifecycleOrder()
    {
        Master.State = Mock.State(activeAgents: 1,
            tasks: [.. Mock.Tasks(TaskState.TaskRunning, 2), .. Mock.Tasks(TaskState.TaskStaging, 1)],
            completedTasks: Mock.Tasks(TaskState.TaskFinished, 4));

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Equal(
            ["TASK_STAGING: 1", "TASK_RUNNING: 2", "TASK_FINISHED: 4"],
            page.FindAll("[data-testid=task-count]").Select(chip => chip.TextContent.Trim())));
    }

    [Fact]
    public void Home_MasterUnreachable_ShowsTheBannerWithTheErrorText()
    {
        Master.Failure = new MesosApiException(Unreachable);

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Contains(Unreachable, page.Find("[data-testid=master-unreachable]").TextContent));
        Assert.Contains("The Mesos master cannot be reached.", page.Find("[data-testid=master-unreachable]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=leader-card]"));
        Assert.Empty(page.FindAll("[data-testid=loading]"));
    }

    [Fact]
    public void Home_TwoSecondsLater_ShowsWhatTheMasterSaysThen()
    {
        var page = Render<Home>();
        page.WaitForAssertion(() => Assert.Equal("3 agents", page.Find("[data-testid=agent-total]").TextContent));
        var callsAfterFirstLoad = Master.Calls;
        Master.State = Mock.State(activeAgents: 4);

        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(callsAfterFirstLoad, Master.Calls);

        Time.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.Equal("4 agents", page.Find("[data-testid=agent-total]").TextContent));
    }

    [Fact]
    public void Home_MasterComesBack_TheBannerGoes()
    {
        Master.Failure = new MesosApiException(Unreachable);
        var page = Render<Home>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=master-unreachable]")));

        Master.Failure = null;
        Time.Advance(TimeSpan.FromSeconds(2));

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=master-unreachable]")));
        Assert.Equal("3 agents", page.Find("[data-testid=agent-total]").TextContent);
    }

    [Fact]
    public void Home_MasterLostAfterAnswering_KeepsTheLastOverviewMarkedAsStale()
    {
        var page = Render<Home>();
        page.WaitForAssertion(() => Assert.Equal("3 agents", page.Find("[data-testid=agent-total]").TextContent));

        Master.Failure = new MesosApiException(Unreachable);
        Time.Advance(TimeSpan.FromSeconds(2));

        page.WaitForAssertion(() => Assert.Contains(Unreachable, page.Find("[data-testid=master-unreachable]").TextContent));
        Assert.Equal("Showing what it reported at 20:20:00 UTC.", page.Find("[data-testid=stale-note]").TextContent);
        Assert.Equal("3 agents", page.Find("[data-testid=agent-total]").TextContent);
    }

    [Fact]
    public async Task Home_Disposed_StopsAskingTheMaster()
    {
        var page = Render<Home>();
        page.WaitForAssertion(() => Assert.Equal("3 agents", page.Find("[data-testid=agent-total]").TextContent));

        await DisposeComponentsAsync();
        var callsAtDisposal = Master.Calls;
        Time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(callsAtDisposal, Master.Calls);
    }
}
