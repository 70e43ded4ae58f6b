using MesosConsole.Browser.Tests.Support;
using MesosConsole.LocalCluster.Tests.Support;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Scheduler;
using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace MesosConsole.Browser.Tests.Pages;

/// <summary>
/// The Overview, Tasks and Agents pages in a real Chromium on the embedded cluster (three agents):
/// live updates without reloading, hostile names shown as text, and the README's screenshots.
/// </summary>
[Collection(BrowserConsoleCollection.Name)]
public sealed class LivePagesTests(BrowserConsole console)
{
    private const string HostileName = "<img src=x onerror=alert(1)>";

    /// <summary>Longer than several updates pushed from the server, for a slow CI machine.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions Eventually = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToBeVisibleOptions EventuallyVisible = new() { Timeout = 30_000 };

    [Fact]
    public async Task Overview_OnTheEmbeddedCluster_ShowsTheLeaderThreeAgentsAndTheirResources()
    {
        var page = await console.NewPageAsync();

        await page.GotoAsync("/");

        await Expect(page.GetByTestId("leader-pid")).ToHaveTextAsync($"master@127.0.0.1:{console.MasterUrl.Port}", Eventually);
        await Expect(page.GetByTestId("leader-mark")).ToHaveTextAsync("leader", Eventually);
        await Expect(page.GetByTestId("agent-total")).ToHaveTextAsync("3 agents", Eventually);
        // Three agents of the default cpus:4 each.
        await Expect(page.Locator("[data-testid=resource-cpus] [data-testid=total]")).ToHaveTextAsync("12", Eventually);
        await Screenshots.SaveAsync(page, "overview.png");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Tasks_FrameworkLaunchesTasks_TheyAppearWithoutReloadAndAHostileNameStaysText()
    {
        var page = await console.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await page.GotoAsync("/tasks?state=active");
        await Expect(page.GetByTestId("task-count")).ToBeVisibleAsync(EventuallyVisible);
        // A marker that a reload or navigation would wipe out.
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        var run = Guid.NewGuid().ToString("N")[..8];
        await using var scheduler = await TestScheduler.SubscribeAsync(console.MasterUrl, new FrameworkInfo { User = "tester", Name = "pages-test" });
        var offer = (await scheduler.NextOffersAsync()).First();
        var sleeper = TestScheduler.CommandTask($"sleeper-{run}", offer.AgentId!, "sleep 1000");
        var hostile = TestScheduler.CommandTask($"hostile-{run}", offer.AgentId!, "sleep 1000");
        hostile.Name = HostileName;
        using (var launch = await scheduler.LaunchAsync(offer, sleeper, hostile))
        {
            launch.EnsureSuccessStatusCode();
        }

        try
        {
            await Expect(page.GetByTestId("task-id").Filter(new() { HasText = $"sleeper-{run}" })).ToBeVisibleAsync(EventuallyVisible);
            var hostileRow = page.Locator($"[data-testid=task-row][data-task$='/hostile-{run}']");
            await Expect(hostileRow.GetByTestId("task-name")).ToHaveTextAsync(HostileName, Eventually);
            Assert.Equal(0, await page.Locator("[data-testid=tasks-table] img").CountAsync());
            Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");
            await Expect(hostileRow.GetByTestId("task-state")).ToHaveTextAsync("TASK_RUNNING", Eventually);
            await Screenshots.SaveAsync(page, "tasks.png");

            // The task's own page shows the name as text too.
            await hostileRow.GetByTestId("task-name").ClickAsync();
            await page.WaitForURLAsync($"**/tasks/{scheduler.FrameworkId.Value}/hostile-{run}");
            await Expect(page.Locator("h4[data-testid=task-name]")).ToHaveTextAsync(HostileName, Eventually);
            Assert.Equal(0, await page.Locator("img").CountAsync());

            // The agents' topology: the two tasks as blocks in the framework's colour.
            await page.GotoAsync("/agents");
            await page.GetByTestId("view-topology").ClickAsync();
            await Expect(page.GetByTestId("legend-item").Filter(new() { HasText = "pages-test" })).ToBeVisibleAsync(EventuallyVisible);
            Assert.True(await page.Locator($"[data-testid=task-block][data-framework='{scheduler.FrameworkId.Value}']").CountAsync() >= 2);
            await Screenshots.SaveAsync(page, "agents.png");
            Assert.Empty(dialogs);
        }
        finally
        {
            // Leave no sleeping process behind: tear the framework down (its tasks are killed).
            using var teardown = await scheduler.CallAsync(new Call { Type = CallType.Teardown });
            teardown.EnsureSuccessStatusCode();
            await page.Context.CloseAsync();
        }
    }
}
