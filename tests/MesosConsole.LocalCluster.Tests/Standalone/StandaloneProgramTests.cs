using System.Diagnostics;
using System.Text.RegularExpressions;
using MesosConsole.LocalCluster.Tests.Support;
using MesosConsole.Mesos.V1;
using TaskState = MesosConsole.Mesos.V1.TaskState;

namespace MesosConsole.LocalCluster.Tests.Standalone;

/// <summary>The mesos-local style executable, run as its own process, as a user would.</summary>
public sealed partial class StandaloneProgramTests
{
    [GeneratedRegex(@"listening at (http://\S+)")]
    private static partial Regex MasterUrlLine();

    [Fact]
    public async Task Sigterm_StopsTheClusterWithEveryTaskProcessGone()
    {
        var workDir = Directory.CreateTempSubdirectory("standalone-").FullName;
        var exe = Path.Combine(AppContext.BaseDirectory, "MesosConsole.LocalCluster");
        using var process = Process.Start(new ProcessStartInfo(exe)
        {
            ArgumentList = { "--port", "0", "--first-agent-port", "0", "--agents", "1", "--work-dir", workDir, "--allocation-interval", "0.05" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            var masterUrl = await ReadMasterUrlAsync(process);
            await using var scheduler = await TestScheduler.SubscribeAsync(masterUrl);
            var offer = (await scheduler.NextOffersAsync())[0];
            await scheduler.LaunchAsync(offer, TestScheduler.CommandTask("lingering", offer.AgentId!, "sleep 1000"));
            var running = await scheduler.NextUpdateAckingAsync("lingering", s => s.State == TaskState.TaskRunning);
            var taskPid = running.ContainerStatus!.ExecutorPid!.Value;
            Assert.True(IsAlive(taskPid));

            Assert.Equal(0, Kill(process.Id, 15));
            await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

            Assert.Equal(0, process.ExitCode);
            Assert.False(IsAlive(taskPid), $"task process {taskPid} outlived the cluster");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            Directory.Delete(workDir, recursive: true);
        }
    }

    [Fact]
    public async Task InvalidOptions_ExitWithEveryErrorListed()
    {
        var exe = Path.Combine(AppContext.BaseDirectory, "MesosConsole.LocalCluster");
        using var process = Process.Start(new ProcessStartInfo(exe)
        {
            ArgumentList = { "--agents", "-1", "--resources", "cpus:lots" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var errors = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("LocalCluster:Agents", errors);
        Assert.Contains("LocalCluster:Resources", errors);
    }

    private static async Task<Uri> ReadMasterUrlAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (MasterUrlLine().Match(line) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value);
            }
        }

        throw new InvalidOperationException("The cluster exited before printing its URL: " + await process.StandardError.ReadToEndAsync(timeout.Token));
    }

    /// <summary>A process that is gone or a zombie (exited, not yet reaped) counts as not alive.</summary>
    private static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
