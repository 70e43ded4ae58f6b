using System.Diagnostics;
using MesosConsole.Browser.Tests.Support;
using MesosConsole.LocalCluster.Tests.Support;
using MesosConsole.Mesos.State;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Scheduler;
using MesosConsole.Web.Model;
using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace MesosConsole.Browser.Tests.Sandbox;

/// <summary>
/// The sandbox page in a real Chromium, on a real task of the embedded cluster. The task prints
/// whatever the test hands it (a file it picks up from a folder of the test's), so the test knows
/// to the millisecond when a line was written and can time how long it takes to show.
/// </summary>
[Collection(BrowserConsoleCollection.Name)]
public sealed class SandboxPageTests(BrowserConsole console)
{
    /// <summary>From the task writing a line to the browser showing it (the brief's bound).</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions WithinASecond = new() { Timeout = 1_000 };

    /// <summary>For the page's first appearance: the circuit starts and the sandbox is looked up.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions Eventually = new() { Timeout = 30_000 };

    [Fact]
    public async Task SandboxPage_TaskWritesLines_TheyShowWithinASecondPauseHoldsThemAndMarkupStaysText()
    {
        var inbox = Directory.CreateTempSubdirectory("sandbox-browser-test-").FullName;
        await using var scheduler = await TestScheduler.SubscribeAsync(console.MasterUrl, new FrameworkInfo { User = "tester", Name = "sandbox-browser-test" });
        try
        {
            var offer = (await scheduler.NextOffersAsync()).First();
            // Prints each file the test moves into the inbox as "say", once (the mv claims it).
            var command = $"echo ready; while true; do if mv '{inbox}/say' '{inbox}/taken' 2>/dev/null; then cat '{inbox}/taken'; fi; sleep 0.02; done";
            using var launch = await scheduler.LaunchAsync(offer, TestScheduler.CommandTask("talker", offer.AgentId!, command));
            launch.EnsureSuccessStatusCode();
            await scheduler.NextUpdateAckingAsync("talker", s => s.State == TaskState.TaskRunning);

            var page = await console.NewPageAsync();
            var dialogs = 0;
            page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
            await page.GotoAsync(ConsoleLinks.SandboxOf(new TaskKey(scheduler.FrameworkId.Value, "talker")));
            await Expect(Line(page, "ready")).ToBeVisibleAsync(Eventually);
            await Expect(page.GetByTestId("sandbox-entry").Filter(new() { HasText = "stdout" })).ToBeVisibleAsync(Eventually);

            // Live: a line written shows within a second.
            var watch = Stopwatch.StartNew();
            await SayAsync(inbox, "hello-from-the-task");
            await Expect(Line(page, "hello-from-the-task")).ToBeVisibleAsync(WithinASecond);
            var latency = watch.Elapsed;
            TestContext.Current.SendDiagnosticMessage($"write → visible: {latency.TotalMilliseconds:0} ms");
            Assert.True(latency < TimeSpan.FromSeconds(1), $"took {latency.TotalMilliseconds:0} ms");

            // Paused: the line arrives (counted) but is not shown until resumed.
            await page.GetByTestId("log-pause").ClickAsync();
            await SayAsync(inbox, "said-while-paused");
            await Expect(page.GetByTestId("log-held")).ToHaveTextAsync("Paused: 1 new line waiting", new() { Timeout = 10_000 });
            Assert.Equal(0, await Line(page, "said-while-paused").CountAsync());
            await page.GetByTestId("log-resume").ClickAsync();
            await Expect(Line(page, "said-while-paused")).ToBeVisibleAsync(WithinASecond);

            // Following: with more lines than fit, the newest is on screen (Virtualize renders only
            // the rows in view, so the last row exists only if the view scrolled down to it).
            await SayAsync(inbox, string.Join('\n', Enumerable.Range(1, 300).Select(i => $"bulk-{i}")));
            await Expect(Line(page, "bulk-300")).ToHaveCountAsync(1, new() { Timeout = 5_000 });
            Assert.Equal(0, await Line(page, "bulk-1").CountAsync());
            var scroll = await page.GetByTestId("log-lines").EvaluateAsync<string>("e => `${e.scrollHeight} ${e.scrollTop} ${e.clientHeight}`");
            var (height, top, client) = scroll.Split(' ').Select(double.Parse).ToArray() switch { var v => (v[0], v[1], v[2]) };
            Assert.True(height - top - client < 20, $"the log view is scrolled to its end (less than a row below); scrollHeight, scrollTop, clientHeight: {scroll}");

            // Markup in a log is text: shown literally, never parsed into an element or run.
            const string Hostile = "<img src=x onerror=alert(1)>";
            await SayAsync(inbox, Hostile);
            await Expect(page.GetByTestId("log-line").Filter(new() { HasText = Hostile })).ToBeVisibleAsync(WithinASecond);
            Assert.Equal(0, await page.Locator("[data-testid=log-lines] img").CountAsync());
            Assert.Equal(0, dialogs);

            await SayAsync(inbox, "search me: error at step 3");
            await Expect(Line(page, "search me: error at step 3")).ToBeVisibleAsync(WithinASecond);
            await page.Locator("input[data-testid=log-search], [data-testid=log-search] input").FillAsync("error");
            await Expect(page.GetByTestId("log-match").First).ToHaveTextAsync("error");

            // The README's picture of the page: the sandbox listing and the live output.
            await Screenshots.SaveAsync(page, "sandbox.png");
            await page.Context.CloseAsync();
        }
        finally
        {
            // Leave no looping process behind: tear the framework down (its task is killed).
            using var teardown = await scheduler.CallAsync(new Call { Type = CallType.Teardown });
            Directory.Delete(inbox, recursive: true);
        }
    }

    private static ILocator Line(IPage page, string text) =>
        page.GetByTestId("log-line").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{System.Text.RegularExpressions.Regex.Escape(text)}$") });

    /// <summary>Hands the task one line, atomically (written aside, then renamed into place).</summary>
    private static async Task SayAsync(string inbox, string line)
    {
        var aside = Path.Combine(inbox, "writing");
        await File.WriteAllTextAsync(aside, line + "\n", TestContext.Current.CancellationToken);
        File.Move(aside, Path.Combine(inbox, "say"));
    }
}
