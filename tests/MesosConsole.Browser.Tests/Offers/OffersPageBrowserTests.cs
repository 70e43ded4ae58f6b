using MesosConsole.Browser.Tests.Support;
using MesosConsole.LocalCluster.Tests.Support;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Scheduler;
using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace MesosConsole.Browser.Tests.Offers;

/// <summary>The offers teaching page in a real Chromium, on the embedded cluster's allocator stream.</summary>
[Collection(BrowserConsoleCollection.Name)]
public sealed class OffersPageBrowserTests(BrowserConsole console)
{
    private const string FrameworkName = "offers-browser-test";

    private static readonly LocatorAssertionsToHaveTextOptions Eventually = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToContainTextOptions EventuallyContains = new() { Timeout = 30_000 };

    [Fact]
    public async Task Offers_FrameworkDeclinesThenTeacherPausesAndSteps_ShowsEachStepLive()
    {
        var page = await console.NewPageAsync();
        await page.GotoAsync("offers");
        // The page reads the allocator stream before anything happens.
        await Expect(page.GetByTestId("mode-decisions")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("allocator-state")).ToHaveTextAsync("Running: a cycle every 1000 ms.", Eventually);

        await using var scheduler = await TestScheduler.SubscribeAsync(console.MasterUrl, new FrameworkInfo { User = "tester", Name = FrameworkName });
        try
        {
            var offers = await scheduler.NextOffersAsync();
            await Expect(page.Locator("[data-kind=OfferMade]").First).ToContainTextAsync(FrameworkName, EventuallyContains);
            foreach (var offer in offers)
            {
                using var decline = await scheduler.DeclineAsync(offer, refuseSeconds: 30);
                decline.EnsureSuccessStatusCode();
            }

            await Expect(page.GetByTestId("tally-declined")).ToHaveTextAsync($"{offers.Count} declined", Eventually);
            await Expect(page.Locator("[data-kind=OfferDeclined]").First)
                .ToContainTextAsync($"Framework '{FrameworkName}' declined offer", EventuallyContains);
            await Expect(page.Locator("[data-kind=OfferDeclined]").First).ToContainTextAsync("for 30 s (a refusal filter)", EventuallyContains);

            await page.GetByTestId("pause").ClickAsync();
            await Expect(page.GetByTestId("allocator-state")).ToHaveTextAsync("Paused: no cycle runs until you step or resume.", Eventually);
            var cycles = page.Locator("[data-kind=Cycle]");
            var before = await cycles.CountAsync();

            await page.GetByTestId("step").ClickAsync();

            // Exactly one cycle: every agent is filtered for this framework, so it says who was skipped and why.
            await Expect(cycles).ToHaveCountAsync(before + 1, new() { Timeout = 30_000 });
            await Expect(cycles.First).ToContainTextAsync("Allocation cycle done", EventuallyContains);
            await Expect(page.Locator("[data-kind=FrameworkSkipped]").First).ToContainTextAsync(FrameworkName, EventuallyContains);

            // The README's picture of the page: a declined offer, a paused allocator, one stepped cycle.
            await Screenshots.SaveAsync(page, "offers.png");
        }
        finally
        {
            // The console is shared by the other browser tests: leave its allocator running and the framework gone.
            using (var http = new HttpClient { BaseAddress = console.MasterUrl })
            using (var resume = await http.PostAsync("console/v1/allocator/resume", null, TestContext.Current.CancellationToken))
            {
                resume.EnsureSuccessStatusCode();
            }

            using var teardown = await scheduler.CallAsync(new Call { Type = CallType.Teardown });
            await page.Context.CloseAsync();
        }
    }
}
