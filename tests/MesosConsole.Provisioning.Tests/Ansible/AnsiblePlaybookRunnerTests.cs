using System.Collections.Concurrent;
using MesosConsole.Provisioning.Ansible;
using MesosConsole.Provisioning.Tests.Support;
using Microsoft.Extensions.Options;

namespace MesosConsole.Provisioning.Tests.Ansible;

/// <summary>The runner against a real ansible-playbook on small playbooks, connection local.</summary>
public sealed class AnsiblePlaybookRunnerTests
{
    private readonly AnsiblePlaybookRunner _runner = new(Options.Create(new AnsibleOptions()));

    [Fact]
    public async Task Run_TaskWaitsForTheTest_LinesArriveWhileItRuns()
    {
        using var playbook = new AnsibleTestPlaybook("wait.yml", """
            - name: Streaming
              hosts: all
              gather_facts: false
              tasks:
                - name: Say hello
                  ansible.builtin.debug:
                    msg: hello
                - name: Wait for the go signal
                  ansible.builtin.wait_for:
                    path: "{{ go_file }}"
                    timeout: 120
            """);
        var goFile = playbook.PathOf("go");
        var progress = new AnsibleRunProgress();

        var result = await _runner.RunAsync(
            new AnsibleRunRequest(playbook.Directory, "wait.yml", AnsibleTestPlaybook.LocalInventory, $$"""{"go_file": "{{goFile}}"}"""),
            text =>
            {
                // The playbook only goes on once this line has reached us: output is not held back until the end.
                if (progress.Add(text) is { Kind: AnsibleLineKind.Task, Name: "Wait for the go signal" })
                {
                    File.WriteAllText(goFile, "go");
                }
            },
            TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        var (tasks, recap, _) = progress.Snapshot();
        Assert.Equal(["Say hello", "Wait for the go signal"], tasks.Select(t => t.Name));
        Assert.All(tasks, t => Assert.Equal("localhost", Assert.Single(t.Results).Host));
        Assert.Equal(HostStatus.Ok, tasks[0].Results[0].Status);
        var row = Assert.Single(recap);
        Assert.Equal(("localhost", 2, 0), (row.Host, row.Ok, row.Failed));
    }

    [Fact]
    public async Task Run_Cancelled_ProcessTreeIsGone()
    {
        using var playbook = new AnsibleTestPlaybook("sleep.yml", """
            - name: Long
              hosts: all
              gather_facts: false
              tasks:
                - name: Sleep for ten minutes
                  ansible.builtin.shell: "echo $$ > {{ pid_file }}; exec sleep 600"
                  changed_when: true
            """);
        var pidFile = playbook.PathOf("sleep.pid");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var sleepPid = 0;
        var lines = new ConcurrentQueue<string>();

        var run = Task.Run(() => _runner.RunAsync(
            new AnsibleRunRequest(playbook.Directory, "sleep.yml", AnsibleTestPlaybook.LocalInventory, $$"""{"pid_file": "{{pidFile}}"}"""),
            lines.Enqueue, cancel.Token), TestContext.Current.CancellationToken);
        Assert.True(SpinWait.SpinUntil(() => TryReadPid(pidFile, out sleepPid) || run.IsCompleted, TimeSpan.FromSeconds(60)), "the sleep never started");
        Assert.False(run.IsCompleted, string.Join('\n', lines));
        await cancel.CancelAsync();
        var result = await run;

        Assert.True(result.Cancelled);
        Assert.Null(result.ExitCode);
        // SIGKILL is delivered by the kernel; the process may take a moment to leave /proc.
        Assert.True(SpinWait.SpinUntil(() => LocalPlaybookTests.IsGone(sleepPid), TimeSpan.FromSeconds(10)), $"sleep (pid {sleepPid}) outlived the cancelled run");
    }

    [Fact]
    public async Task Run_TaskFails_NonZeroExitAndFailureInRecap()
    {
        using var playbook = new AnsibleTestPlaybook("fail.yml", """
            - name: Failing
              hosts: all
              gather_facts: false
              tasks:
                - name: Fine
                  ansible.builtin.command: "true"
                  changed_when: false
                - name: Break
                  ansible.builtin.fail:
                    msg: "the disk is on fire"
                - name: Never reached
                  ansible.builtin.debug:
                    msg: unreachable
            """);
        var progress = new AnsibleRunProgress();

        var result = await _runner.RunAsync(new AnsibleRunRequest(playbook.Directory, "fail.yml", AnsibleTestPlaybook.LocalInventory, "{}"),
            text => progress.Add(text), TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.False(result.Cancelled);
        var (tasks, recap, _) = progress.Snapshot();
        var broken = Assert.Single(tasks, t => t.Name == "Break");
        Assert.Equal(HostStatus.Fatal, Assert.Single(broken.Results).Status);
        Assert.Contains("the disk is on fire", broken.Results[0].Line, StringComparison.Ordinal);
        Assert.DoesNotContain(tasks, t => t.Name == "Never reached");
        var row = Assert.Single(recap);
        Assert.Equal((1, 1), (row.Ok, row.Failed));
        Assert.False(row.Succeeded);
    }

    [Fact]
    public async Task Run_SecretInOutput_IsMasked()
    {
        using var playbook = new AnsibleTestPlaybook("secret.yml", """
            - name: Leaky
              hosts: all
              gather_facts: false
              tasks:
                - name: Print the token
                  ansible.builtin.debug:
                    msg: "token is {{ token }}"
            """);
        var lines = new List<string>();

        await _runner.RunAsync(new AnsibleRunRequest(playbook.Directory, "secret.yml", AnsibleTestPlaybook.LocalInventory,
            """{"token": "hunter2-s3cret"}""", Secrets: ["hunter2-s3cret"]), lines.Add, TestContext.Current.CancellationToken);

        Assert.Contains(lines, l => l.Contains("token is ***", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_ProgramMissing_FailsWithMessageInLog()
    {
        var runner = new AnsiblePlaybookRunner(Options.Create(new AnsibleOptions { AnsiblePlaybook = "/nonexistent/ansible-playbook" }));
        using var playbook = new AnsibleTestPlaybook("x.yml", "[]\n");
        var lines = new List<string>();

        var result = await runner.RunAsync(new AnsibleRunRequest(playbook.Directory, "x.yml", AnsibleTestPlaybook.LocalInventory, "{}"),
            lines.Add, TestContext.Current.CancellationToken);

        Assert.Equal((null, false), (result.ExitCode, result.Cancelled));
        Assert.Contains(lines, l => l.StartsWith("Could not start /nonexistent/ansible-playbook", StringComparison.Ordinal));
    }

    private static bool TryReadPid(string path, out int pid)
    {
        pid = 0;
        try
        {
            return int.TryParse(File.ReadAllText(path).Trim(), out pid) && pid > 0;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
