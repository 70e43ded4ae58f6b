using MesosConsole.Data.Deployments;
using MesosConsole.Provisioning.Ansible;
using MesosConsole.Provisioning.Tests.Support;
using MesosConsole.Web.Deployments;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MesosConsole.Provisioning.Tests.Ansible;

/// <summary>
/// The console stopping while a real ansible-playbook runs a play that would wait ten minutes: the
/// hosted service's StopAsync stops ansible-playbook and its workers and records the run as interrupted.
/// </summary>
public sealed class DeploymentInterruptTests : IDisposable
{
    private readonly AnsibleTestDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 20, 20, 0, TimeSpan.Zero));

    [Fact]
    public async Task ConsoleStops_RealPlaybookWaiting_ProcessesGoneRunInterrupted()
    {
        var ct = TestContext.Current.CancellationToken;
        // A name no other process has in its command line, so the run's processes can be found in /proc.
        var playbookName = $"interrupt-{Guid.NewGuid():N}.yml";
        using var playbook = new AnsibleTestPlaybook(playbookName, """
            - name: Waits for ever
              hosts: all
              gather_facts: false
              tasks:
                - name: Say hello
                  ansible.builtin.debug:
                    msg: hello
                - name: Wait for a file that never appears
                  ansible.builtin.wait_for:
                    path: "{{ never_file }}"
                    timeout: 600
            """);
        var store = new DeploymentRunStore(_database);
        var runner = new DeploymentRunner(store, new AnsiblePlaybookRunner(Options.Create(new AnsibleOptions())),
            new CatalogDeployedClusterSink(new AnsibleFakeClusterCatalog()), Options.Create(new AnsibleOptions { PlaybookDirectory = playbook.Directory }),
            _time, NullLogger<DeploymentRunner>.Instance);
        var lifetime = new DeploymentRunsLifetime(runner, store, _time, NullLogger<DeploymentRunsLifetime>.Instance);
        await lifetime.StartAsync(ct);
        var plan = new DeploymentPlan("waiting", playbookName, AnsibleTestPlaybook.LocalInventory,
            $$"""{"never_file": "{{playbook.PathOf("never")}}"}""", [new Uri("http://127.0.0.1:5050")], null, null);

        var runId = await runner.StartAsync(plan, "ada", ct);
        await foreach (var batch in runner.Watch(runId)!.WithCancellation(ct))
        {
            if (batch.Any(l => l.StartsWith("TASK [Wait for a file that never appears]", StringComparison.Ordinal)))
            {
                break;
            }
        }

        var processes = ProcessesRunning(playbookName);
        Assert.NotEmpty(processes);

        await lifetime.StopAsync(ct);

        var run = await store.FindAsync(runId, ct);
        Assert.NotNull(run);
        Assert.Equal((DeploymentResult.Interrupted, (int?)null, _time.GetUtcNow()), (run.Result, run.ExitCode, run.FinishedAt));
        Assert.Contains("TASK [Wait for a file that never appears]", run.Log, StringComparison.Ordinal);
        Assert.EndsWith(DeploymentLogNotes.Marker + "The console was stopping: this run was stopped (ansible-playbook and everything it started).",
            run.Log, StringComparison.Ordinal);
        Assert.False(runner.IsRunning(runId));
        // SIGKILL is delivered by the kernel; a process may take a moment to leave /proc (as in AnsiblePlaybookRunnerTests).
        Assert.True(SpinWait.SpinUntil(() => processes.All(LocalPlaybookTests.IsGone), TimeSpan.FromSeconds(10)),
            $"still running after the console stopped: {string.Join(", ", processes.Where(p => !LocalPlaybookTests.IsGone(p)))}");
    }

    public void Dispose() => _database.Dispose();

    /// <summary>ansible-playbook and its forked workers (they share its command line), and every process below them.</summary>
    private static List<int> ProcessesRunning(string playbookName)
    {
        var parents = new Dictionary<int, int>();
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                parents[pid] = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(playbookName, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // Gone while listing.
            }
        }

        var all = new HashSet<int>(found);
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (pid, parent) in parents)
            {
                if (all.Contains(parent) && all.Add(pid))
                {
                    grew = true;
                }
            }
        }

        return [.. all];
    }
}
