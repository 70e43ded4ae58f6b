using MesosConsole.Browser.Tests.Support;
using MesosConsole.LocalCluster.Tests.Support;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Scheduler;
using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace MesosConsole.Browser.Tests;

/// <summary>The Overview page ("/") in a real Chromium, on the embedded cluster with three agents.</summary>
[Collection(BrowserConsoleCollection.Name)]
public sealed class HealthPageTests(BrowserConsole console)
{
    /// <summary>Longer than several updates pushed from the server, for a slow CI machine.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions Eventually = new() { Timeout = 30_000 };

    [Fact]
    public async Task Overview_OnTheEmbeddedCluster_ShowsTheLeaderPidAndThreeAgents()
    {
        var page = await console.NewPageAsync();

        await page.GotoAsync("/");

        await Expect(page.GetByTestId("leader-pid")).ToHaveTextAsync($"master@127.0.0.1:{console.MasterUrl.Port}", Eventually);
        await Expect(page.GetByTestId("agent-total")).ToHaveTextAsync("3 agents", Eventually);
        await Expect(page.GetByTestId("agent-split")).ToHaveTextAsync("3 active, 0 deactivated, 0 disconnected", Eventually);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Overview_WhenAFrameworkLaunchesATask_ShowsItWithoutReloading()
    {
        var page = await console.NewPageAsync();
        await page.GotoAsync("/");
        // The page is live (the circuit is up and has read the cluster) before anything changes.
        await Expect(page.GetByTestId("agent-total")).ToHaveTextAsync("3 agents", Eventually);
        await Expect(page.GetByTestId("framework-total")).ToHaveTextAsync("0 frameworks", Eventually);
        // No task runs (other tests in this collection tear their frameworks down; their killed tasks may remain).
        await Expect(page.GetByTestId("task-count").Filter(new() { HasText = "TASK_RUNNING" })).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        // A marker that a reload or navigation would wipe out.
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        await using var scheduler = await TestScheduler.SubscribeAsync(console.MasterUrl, new FrameworkInfo { User = "tester", Name = "browser-test" });
        var offer = (await scheduler.NextOffersAsync()).First();
        using var launch = await scheduler.LaunchAsync(offer, TestScheduler.CommandTask("sleeper", offer.AgentId!, "sleep 1000"));
        launch.EnsureSuccessStatusCode();

        await Expect(page.GetByTestId("framework-total")).ToHaveTextAsync("1 framework", Eventually);
        await Expect(page.GetByTestId("task-count").Filter(new() { HasText = "TASK_RUNNING" }))
            .ToHaveTextAsync("TASK_RUNNING: 1", Eventually);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");

        // The README's picture of the page: a framework with a running task on three agents.
        await Screenshots.SaveAsync(page, "health.png");

        // Leave no sleeping process behind: tear the framework down (its task is killed).
        using var teardown = await scheduler.CallAsync(new Call { Type = CallType.Teardown });
        teardown.EnsureSuccessStatusCode();
        await page.Context.CloseAsync();
    }
}
