using Bunit;
using MesosConsole.Web.Components.Pages.Why;
using MesosConsole.Web.Offers;
using MesosConsole.Web.Tests.Offers;
using MesosConsole.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using static MesosConsole.Web.Tests.Why.WhyFixtures;

namespace MesosConsole.Web.Tests.Why;

/// <summary>"Why is it not running?": a task from the query string, or a demand typed into the form.</summary>
public sealed class WhyPageTests : ConsoleComponentTest
{
    public WhyPageTests()
    {
        Services.AddOffers();
        Cluster.Http = new FakeMasterHttp { HasExtension = false };
        Feed.Publish(Snapshot(
            [Agent("a1", cpus: 1), Agent("a2", cpus: 4, port: 5052)],
            [Framework("F1", "batch")],
            [Task("busy", "a1", cpus: 0.5), Task("waiting", "a2", cpus: 2, mem: 64, state: Mesos.V1.TaskState.TaskStaging)]));
    }

    private IRenderedComponent<WhyPage> Open(string query)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("why" + query);
        return Render<WhyPage>();
    }

    private static void Type(IRenderedComponent<WhyPage> page, string field, string text) =>
        page.Find($"[data-testid={field}] input, input[data-testid={field}]").Change(text);

    [Fact]
    public void Why_TaskFromTheQuery_ExplainsEachAgentForItsResources()
    {
        var page = Open("?framework=F1&task=waiting");

        Assert.Equal("Task waiting (TaskStaging) needs 2 cpus, 64 mem.", page.Find("[data-testid=task-demand]").TextContent.Trim());
        var agents = page.FindAll("[data-testid=agent-fit]");
        Assert.Equal(["a1", "a2"], agents.Select(a => a.GetAttribute("data-agent")));
        Assert.Equal("no", agents[0].GetAttribute("data-fits"));
        Assert.Equal("agent a1 (127.0.0.1:5051) has 0.5 free cpus (1 in all, the rest used by tasks or held in offers); the task needs 2.",
            agents[0].QuerySelector("[data-testid=agent-reason]")!.TextContent);
        Assert.Equal("yes", agents[1].GetAttribute("data-fits")); // 4 cpus, 2 held by the task itself: 2 free
        Assert.Empty(page.FindAll("[data-testid=demand-cpus]")); // the task gives the demand; no form
    }

    [Fact]
    public void Why_FormWithBadInput_ShowsAMessagePerFieldAndKeepsWhatWasTyped()
    {
        var page = Open("?framework=F1");

        Type(page, "demand-cpus", "lots");
        Type(page, "demand-ports", "-1");
        page.Find("[data-testid=explain]").Click();

        var errors = page.FindAll("[data-testid=form-error]").ToDictionary(e => e.GetAttribute("data-field")!, e => e.TextContent);
        Assert.Equal("Enter cpus as a number, e.g. 0.5.", errors["Cpus"]);
        Assert.Equal("Ports must be a whole number from 0 to 65535.", errors["Ports"]);
        Assert.Contains("Enter cpus as a number, e.g. 0.5.", page.Markup); // also under the field itself
        Assert.Empty(page.FindAll("[data-testid=agent-fit]"));
        Assert.Equal("lots", page.Find("[data-testid=demand-cpus] input, input[data-testid=demand-cpus]").GetAttribute("value"));
    }

    [Fact]
    public void Why_FormWithAValidDemand_SaysWhichAgentsFitAndWhyTheOthersDoNot()
    {
        var page = Open("?framework=F1");

        Type(page, "demand-cpus", "1");
        Type(page, "demand-mem", "256");
        page.Find("[data-testid=explain]").Click();

        Assert.Empty(page.FindAll("[data-testid=form-error]"));
        var agents = page.FindAll("[data-testid=agent-fit]");
        Assert.Equal(["no", "yes"], agents.Select(a => a.GetAttribute("data-fits")));
        Assert.StartsWith("Agent a2 could fit 1 cpus, 256 mem", page.Find("[data-testid=why-summary]").TextContent);
    }

    [Fact]
    public void Why_RoleTheFrameworkLacks_IsAFrameworkLevelReason()
    {
        var page = Open("?framework=F1");

        Type(page, "demand-role", "gpu-lab");
        page.Find("[data-testid=explain]").Click();

        Assert.Contains(page.FindAll("[data-testid=framework-reason]"), r =>
            r.TextContent.Contains("asks for role 'gpu-lab', but framework 'batch' subscribed with role(s) '*'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Why_OnTheEmbeddedStream_ShowsTheRefusalFilterOnThatAgent()
    {
        var master = new FakeMasterHttp();
        Cluster.Http = master;
        await master.WriteAsync(
            """{"type":"SUBSCRIBED","at":"2026-11-25T20:20:00Z","paused":false,"allocation_interval_ms":1000,"shares":[]}""",
            """{"type":"FILTER_ADDED","at":"2026-11-25T20:20:00Z","framework_id":"F1","agent_id":"a2","role":"*","resources":"cpus:4","filter_until":"2026-11-25T20:20:30Z","refuse_seconds":30}""");
        var page = Open("?framework=F1");
        await Services.GetRequiredService<OffersFeedRegistry>().Find(Cluster)!.UntilAsync(a => !a.Filters.IsEmpty);

        page.Find("[data-testid=explain]").Click();

        var a2 = page.FindAll("[data-testid=agent-fit]").Single(a => a.GetAttribute("data-agent") == "a2");
        Assert.Equal("no", a2.GetAttribute("data-fits"));
        Assert.Equal("framework 'batch' declined agent a2 (127.0.0.1:5052) and asked not to be offered it until 20:20:30 (a refusal filter, 30 s left).",
            a2.QuerySelector("[data-testid=agent-reason]")!.TextContent);
        Assert.DoesNotContain(page.FindAll("[data-testid=framework-reason]"), r => r.TextContent.Contains("does not stream", StringComparison.Ordinal));
    }

    [Fact]
    public void Why_UnknownFramework_SaysSo()
    {
        var page = Open("?framework=nope");

        Assert.Equal("No framework with id nope is known to the master.", page.Find("[data-testid=unknown-framework]").TextContent.Trim());
    }
}
