using MesosConsole.Browser.Tests.Support;
using MesosConsole.Provisioning.Tests.Support;
using MesosConsole.Web.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace MesosConsole.Browser.Tests.Deploy;

/// <summary>
/// The provisioning issue's promise end to end, in a real Chromium with the real ansible-playbook: the
/// deploy wizard installs MesosConsole's local cluster (ansible/local.yml) onto this machine, the run's
/// output streams to its own page, and the new cluster ends up in the chooser with its live topology.
/// </summary>
[Collection(BrowserConsoleCollection.Name)]
public sealed class DeployLocalClusterTests(BrowserConsole console)
{
    /// <summary>A whole ansible run on a shared two-core machine, with room to spare.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions RunEnds = new() { Timeout = 240_000 };
    private static readonly LocatorAssertionsToHaveTextOptions Eventually = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToContainTextOptions EventuallyContains = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToContainTextOptions Briefly = new() { Timeout = 5_000 };
    private static readonly LocatorAssertionsToBeVisibleOptions EventuallyVisible = new() { Timeout = 30_000 };

    [Fact]
    public async Task DeployWizard_LocalPlaybookOnThisMachine_RunStreamsThenTheClusterAppearsInTheChooser()
    {
        var name = $"e2e-{Guid.NewGuid():N}"[..12];
        var prefix = Path.Combine(Path.GetTempPath(), $"mesosconsole-e2e-{Guid.NewGuid():N}");
        var (masterPort, agentPort) = (AnsibleFreePort.Next(), AnsibleFreePort.Next());
        var page = await console.NewPageAsync();
        try
        {
            await page.GotoAsync("/deploy");
            await page.GetByTestId("playbook-local").ClickAsync();
            await Expect(page.GetByTestId("local-form")).ToBeVisibleAsync(EventuallyVisible);
            await Fill(page, "local-host", "127.0.0.1");
            await Fill(page, "cluster-name", name);
            await Fill(page, "local-source-dir", AnsibleTestPaths.LocalClusterBuildOutput);
            await Fill(page, "local-port", masterPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Fill(page, "local-first-agent-port", agentPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Fill(page, "local-agents", "1");
            await Fill(page, "local-dotnet", AnsibleTestPaths.DotnetHost);
            await Fill(page, "local-prefix", prefix);
            // Not root, no systemd in a container: the role's detached mode runs the service in the background.
            await Field(page, "local-become").UncheckAsync();

            // Nothing runs on this machine before the preview says detached, not root: a pick in the
            // service-manager list can be lost to a re-render on a busy machine, so it is checked, and made again.
            for (var attempt = 1; ; attempt++)
            {
                await Choose(page, "local-service-manager", "detached");
                await page.GetByTestId("preview").ClickAsync();
                try
                {
                    await Expect(page.GetByTestId("variables")).ToContainTextAsync("\"local_cluster_service_manager\": \"detached\"", Briefly);
                    break;
                }
                catch (PlaywrightException) when (attempt < 3)
                {
                }
            }

            await Expect(page.GetByTestId("variables")).ToContainTextAsync("\"local_cluster_become\": false", EventuallyContains);
            await Expect(page.GetByTestId("inventory")).ToContainTextAsync("127.0.0.1 ansible_host=127.0.0.1 ansible_connection=local", EventuallyContains);
            await page.GetByTestId("run").ClickAsync();

            // The run's own page: live output per task while it goes, then the recap and the result.
            await page.WaitForURLAsync("**/deploy/runs/*");
            await Expect(page.GetByTestId("task-name").First).ToBeVisibleAsync(EventuallyVisible);
            await Expect(page.GetByTestId("result")).ToHaveTextAsync("succeeded", RunEnds);
            await Expect(page.GetByTestId("recap-row")).ToContainTextAsync("127.0.0.1", EventuallyContains);
            await Screenshots.SaveAsync(page, "deploy-run.png");
            // Detached (no systemd): the rendered unit stays in the prefix, not in this machine's /etc.
            Assert.True(File.Exists(Path.Combine(prefix, "systemd", "mesosconsole-local.service")));

            // The cluster it made, selected in the chooser: its master leads and its one agent is there.
            await page.GetByTestId("open-cluster").ClickAsync();
            await Expect(page.GetByTestId("leader-pid")).ToHaveTextAsync($"master@127.0.0.1:{masterPort}", Eventually);
            await Expect(page.GetByTestId("agent-total")).ToHaveTextAsync("1 agent", Eventually);
        }
        finally
        {
            await page.Context.CloseAsync();
            await RemoveAsync(name, prefix);
        }
    }

    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    private static Task Fill(IPage page, string testId, string value) => Field(page, testId).FillAsync(value);

    /// <summary>A MudSelect: open its list, pick the item.</summary>
    private static async Task Choose(IPage page, string testId, string item)
    {
        await page.Locator($"[data-testid={testId}]").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = item }).ClickAsync();
    }

    /// <summary>The deployed service and the chooser entry go, whatever happened above.</summary>
    private async Task RemoveAsync(string name, string prefix)
    {
        var pidFile = Path.Combine(prefix, "run", "mesosconsole-local.pid");
        if (File.Exists(pidFile) && int.TryParse(await File.ReadAllTextAsync(pidFile), out var pid))
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }

        if (Directory.Exists(prefix))
        {
            Directory.Delete(prefix, recursive: true);
        }

        var catalog = console.Services.GetRequiredService<IClusterCatalog>();
        if (catalog.Clusters.FirstOrDefault(c => c.Info.Name == name) is { } added)
        {
            await catalog.RemoveAsync(added.Info.Id, CancellationToken.None);
        }
    }
}
