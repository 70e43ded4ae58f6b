using System.Text.Json;
using MesosConsole.Provisioning.Ansible;
using MesosConsole.Provisioning.Tests.Support;
using Microsoft.Extensions.Options;

namespace MesosConsole.Provisioning.Tests.Ansible;

/// <summary>
/// A real run of ansible/local.yml against localhost (connection local) into a temporary prefix: the
/// local cluster is installed, rendered as a systemd unit, started detached (no systemd in a container),
/// answers /health on its master, a second run changes nothing, and state=absent removes it all.
/// </summary>
public sealed class LocalPlaybookTests
{
    [Fact]
    public async Task LocalPlaybook_DetachedOnLocalhost_ClusterAnswersHealthThenIsRemoved()
    {
        var ct = TestContext.Current.CancellationToken;
        var prefix = Path.Combine(Path.GetTempPath(), $"mesosconsole-local-{Guid.NewGuid():N}");
        var port = AnsibleFreePort.Next();
        var agentPort = AnsibleFreePort.Next();
        var variables = new Dictionary<string, object>
        {
            ["local_cluster_hosts"] = "all",
            ["local_cluster_become"] = false,
            ["ansible_connection"] = "local",
            ["ansible_python_interpreter"] = "/usr/bin/python3",
            ["local_cluster_prefix"] = prefix,
            ["local_cluster_source_dir"] = AnsibleTestPaths.LocalClusterBuildOutput,
            ["local_cluster_dotnet"] = AnsibleTestPaths.DotnetHost,
            ["local_cluster_service_manager"] = "detached",
            ["local_cluster_unit_dir"] = Path.Combine(prefix, "systemd"),
            ["local_cluster_port"] = port,
            ["local_cluster_first_agent_port"] = agentPort,
            ["local_cluster_agents"] = 1,
        };
        var runner = new AnsiblePlaybookRunner(Options.Create(new AnsibleOptions()));
        int? pid = null;
        try
        {
            var first = await RunAsync(runner, variables, ct);
            Assert.True(first.Result.ExitCode == 0, first.Log);
            Assert.Contains(first.Recap, r => r.Host == "localhost" && r.Succeeded && r.Changed > 0);

            // The systemd unit is rendered even in detached mode, with the command the detached process runs.
            var unit = await File.ReadAllTextAsync(Path.Combine(prefix, "systemd", "mesosconsole-local.service"), ct);
            Assert.Contains($"ExecStart={AnsibleTestPaths.DotnetHost} {prefix}/app/MesosConsole.LocalCluster.dll --hostname 127.0.0.1 --port {port} --agents 1 --first-agent-port {agentPort}", unit, StringComparison.Ordinal);
            Assert.Contains("'cpus:4;mem:4096;disk:20000;ports:[31000-32000]'", unit, StringComparison.Ordinal);
            Assert.Contains("KillSignal=SIGTERM", unit, StringComparison.Ordinal);
            Assert.Contains("WantedBy=multi-user.target", unit, StringComparison.Ordinal);

            pid = int.Parse(await File.ReadAllTextAsync(Path.Combine(prefix, "run", "mesosconsole-local.pid"), ct));
            using (var http = new HttpClient())
            {
                var health = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"), ct);
                Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
            }

            var second = await RunAsync(runner, variables, ct);
            Assert.True(second.Result.ExitCode == 0, second.Log);
            Assert.Contains(second.Recap, r => r.Host == "localhost" && r.Changed == 0 && r.Failed == 0);

            var removal = await RunAsync(runner, new Dictionary<string, object>(variables) { ["local_cluster_state"] = "absent" }, ct);
            Assert.True(removal.Result.ExitCode == 0, removal.Log);
            Assert.False(Directory.Exists(prefix));
            Assert.True(IsGone(pid.Value), $"process {pid} still runs after state=absent");
        }
        finally
        {
            // Never leave the cluster running, whatever failed above.
            if (pid is { } leftover && !IsGone(leftover))
            {
                System.Diagnostics.Process.GetProcessById(leftover).Kill(entireProcessTree: true);
            }

            if (Directory.Exists(prefix))
            {
                Directory.Delete(prefix, recursive: true);
            }
        }
    }

    private static async Task<(AnsibleRunResult Result, IReadOnlyList<RecapEntry> Recap, string Log)> RunAsync(
        AnsiblePlaybookRunner runner, Dictionary<string, object> variables, CancellationToken ct)
    {
        var progress = new AnsibleRunProgress();
        var result = await runner.RunAsync(
            new AnsibleRunRequest(AnsibleTestPaths.AnsibleDirectory, "local.yml", "localhost\n", JsonSerializer.Serialize(variables)),
            line => progress.Add(line), ct);
        return (result, progress.Recap, progress.Log);
    }

    /// <summary>Gone or a zombie waiting for its reaper: either way it no longer runs.</summary>
    internal static bool IsGone(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }
}
