using Bunit;
using MesosConsole.Mesos.State;
using MesosConsole.Mesos.V1;
using MesosConsole.Web.Components.Pages.Agents;
using MesosConsole.Web.Model;
using MesosConsole.Web.Tests.Support;

namespace MesosConsole.Web.Tests.Pages;

/// <summary>The Agents page: the table (sort, filter, pages), the topology view and live updates.</summary>
public sealed class AgentsPageTests : ConsoleComponentTest
{
    private static List<string> Hosts(IRenderedComponent<AgentsPage> page) =>
        page.FindAll("[data-testid=agent-link]").Select(a => a.TextContent).ToList();

    [Fact]
    public void Agents_Table_ListsEachAgentWithWhatItsLiveTasksUseOfItsTotal()
    {
        Feed.Publish(new SnapshotBuilder()
            .Agent("a1", port: 5051).Agent("a2", port: 5052)
            .Framework("f1", "one")
            .Task("f1", "t1", "a1", TaskState.TaskRunning, cpus: 1, mem: 512)
            .Task("f1", "t2", "a1", TaskState.TaskRunning, cpus: 0.5, mem: 512)
            .Task("f1", "t3", "a1", TaskState.TaskFailed, cpus: 2, mem: 2048)
            .Build());

        var page = Render<AgentsPage>();

        var first = page.Find("[data-testid=agent-row][data-agent=a1]");
        Assert.Equal("1.5 / 4", first.QuerySelector("[data-testid=usage-cpus]")!.TextContent);
        Assert.Equal("1 GB / 4 GB", first.QuerySelector("[data-testid=usage-mem]")!.TextContent);
        Assert.Equal("2", first.QuerySelector("[data-testid=agent-tasks]")!.TextContent);
        Assert.Equal("agents/a1", first.QuerySelector("[data-testid=agent-link]")!.GetAttribute("href"));
        Assert.Equal("0 / 4", page.Find("[data-testid=agent-row][data-agent=a2] [data-testid=usage-cpus]").TextContent);
    }

    [Fact]
    public void Agents_ClickColumnHeaders_SortsAscendingThenDescending()
    {
        Feed.Publish(new SnapshotBuilder()
            .Agent("a1", hostname: "b-host").Agent("a2", hostname: "c-host").Agent("a3", hostname: "a-host")
            .Framework("f1", "one")
            .Task("f1", "t1", "a1", TaskState.TaskRunning, cpus: 3)
            .Task("f1", "t2", "a2", TaskState.TaskRunning, cpus: 1)
            .Build());
        var page = Render<AgentsPage>();
        Assert.Equal(["a-host:5051", "b-host:5051", "c-host:5051"], Hosts(page));

        page.Find("[data-testid=sort-cpus]").Click();
        Assert.Equal(["a-host:5051", "c-host:5051", "b-host:5051"], Hosts(page));

        page.Find("[data-testid=sort-cpus]").Click();
        Assert.Equal(["b-host:5051", "c-host:5051", "a-host:5051"], Hosts(page));
        Assert.EndsWith("▼", page.Find("[data-testid=sort-cpus]").TextContent);
    }

    [Theory]
    [InlineData("db-1", "db-1.example:5051")]
    [InlineData("S7", "web-2.example:5051")]
    [InlineData("RACK:R2", "web-2.example:5051")]
    public void Agents_Filter_MatchesHostnameIdOrAttributes(string filter, string expected)
    {
        Feed.Publish(new SnapshotBuilder()
            .Agent("m-S1", hostname: "db-1.example", attributes: "rack:r1")
            .Agent("m-S7", hostname: "web-2.example", attributes: "rack:r2;zone:a")
            .Build());
        var page = Render<AgentsPage>();

        page.Find("input[data-testid=agent-filter]").Input(filter);

        Assert.Equal([expected], Hosts(page));
        Assert.Equal("1 of 2 agents", page.Find("[data-testid=agent-count]").TextContent);
    }

    [Fact]
    public void Agents_ManyAgents_ShowsFiftyAPageWithAPager()
    {
        var cluster = new SnapshotBuilder();
        for (var i = 0; i < 120; i++)
        {
            cluster.Agent($"a{i:D3}", hostname: $"host-{i:D3}");
        }

        Feed.Publish(cluster.Build());
        var page = Render<AgentsPage>();

        Assert.Equal(50, page.FindAll("[data-testid=agent-row]").Count);
        Assert.Equal("host-000:5051", Hosts(page)[0]);
        page.FindAll("[data-testid=agents-pager] button").Single(b => b.TextContent.Trim() == "3").Click();
        Assert.Equal(20, page.FindAll("[data-testid=agent-row]").Count);
        Assert.Equal("host-100:5051", Hosts(page)[0]);
    }

    [Fact]
    public void Agents_Topology_DrawsEachTaskInItsFrameworksColourWithALegend()
    {
        Feed.Publish(new SnapshotBuilder()
            .Agent("a1").Agent("a2", port: 5052)
            .Framework("f1", "spark").Framework("f2", "marathon")
            .Task("f1", "s1", "a1", TaskState.TaskRunning, cpus: 2)
            .Task("f2", "m1", "a1", TaskState.TaskRunning, cpus: 1)
            .Task("f2", "m2", "a2", TaskState.TaskStaging, cpus: 1)
            .Task("f2", "done", "a2", TaskState.TaskFinished)
            .Build());
        var page = Render<AgentsPage>();

        page.Find("[data-testid=view-topology]").Click();

        var spark = FrameworkColors.Palette[0];
        var marathon = FrameworkColors.Palette[1];
        Assert.Equal([("f1", spark), ("f2", marathon)],
            page.FindAll("[data-testid=legend-item]").Select(i => (i.GetAttribute("data-framework"), i.GetAttribute("data-colour"))));
        Assert.Equal(["spark", "marathon"], page.FindAll("[data-testid=legend-item]").Select(i => i.TextContent.Trim()));
        var blocks = page.FindAll("[data-testid=task-block]");
        Assert.Equal(3, blocks.Count);
        Assert.All(blocks, b => Assert.Contains($"background:{(b.GetAttribute("data-framework") == "f1" ? spark : marathon)}", b.GetAttribute("style")));
        // A block is as wide as its share of the agent's cpus: 2 of 4.
        var sparkBlock = page.Find("[data-testid=agent-box][data-agent=a1] [data-testid=task-block][data-framework=f1]");
        Assert.Contains("width:50%", sparkBlock.GetAttribute("style"));
        Assert.Equal("tasks/f1/s1", sparkBlock.GetAttribute("href"));
        Assert.Contains("s1 (s1)\nspark\nTASK_RUNNING · 2 cpus, 128 MB", sparkBlock.GetAttribute("title"));
        Assert.Equal("agents/a2", page.Find("[data-testid=agent-box][data-agent=a2] [data-testid=agent-box-link]").GetAttribute("href"));
    }

    [Fact]
    public void Agents_HostileHostname_IsShownAsText()
    {
        const string hostile = "<img src=x onerror=alert(1)>";
        Feed.Publish(new SnapshotBuilder().Agent("a1", hostname: hostile, attributes: "<b>rack</b>:1").Build());

        var page = Render<AgentsPage>();

        Assert.Equal($"{hostile}:5051", page.Find("[data-testid=agent-link]").TextContent);
        Assert.Empty(page.FindAll("img"));
        Assert.Empty(page.FindAll("b"));
    }

    [Fact]
    public void Agents_NewSnapshot_ShowsTheNewAgentAfterTheRenderInterval()
    {
        Feed.Publish(new SnapshotBuilder().Agent("a1").Build());
        var page = Render<AgentsPage>();
        Assert.Single(page.FindAll("[data-testid=agent-row]"));

        Feed.Publish(new SnapshotBuilder().Agent("a1").Agent("a2", port: 5052).Build());
        Time.Advance(TimeSpan.FromMilliseconds(100));

        page.WaitForAssertion(() => Assert.Equal(["127.0.0.1:5051", "127.0.0.1:5052"], Hosts(page)));
    }
}
