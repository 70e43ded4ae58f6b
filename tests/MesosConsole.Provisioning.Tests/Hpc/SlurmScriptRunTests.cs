using CliWrap;
using MesosConsole.Provisioning.Hpc;

namespace MesosConsole.Provisioning.Tests.Hpc;

/// <summary>
/// The generated script run for real by bash, with stand-ins for what only an HPC system has: an
/// <c>srun</c> that runs its command once (one node) and a <c>mesos-agent</c> that records its flags and
/// how it was stopped. Interrupting the batch shell (as Slurm does before the walltime) must stop the
/// agent with SIGUSR1 and remove its scratch folder.
/// </summary>
public sealed class SlurmScriptRunTests
{
    [Fact]
    public async Task Script_InterruptedLikeWalltime_AgentStoppedWithUsr1AndScratchRemoved()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = Directory.CreateTempSubdirectory("slurm-run-").FullName;
        try
        {
            var bin = Directory.CreateDirectory(Path.Combine(root, "bin")).FullName;
            var log = Path.Combine(root, "agent.log");
            await WriteExecutableAsync(Path.Combine(bin, "srun"), "#!/bin/bash\nwhile [[ $1 == --* ]]; do shift; done\nexec \"$@\"\n", ct);
            await WriteExecutableAsync(Path.Combine(bin, "mesos-agent"), $$"""
                #!/bin/bash
                echo "flags $*" >> '{{log}}'
                trap 'echo "usr1 $(ls -d "${*: -1}" 2>/dev/null | wc -l)" >> '{{log}}'; kill "$s"; exit 0' USR1
                sleep 600 & s=$!
                echo started >> '{{log}}'
                wait "$s"
                """, ct);
            var job = SlurmScriptGeneratorTests.CometJob();
            job.MesosAgentPath = Path.Combine(bin, "mesos-agent");
            job.ScratchDirectory = root + "/scratch/$SLURM_JOB_ID";
            var script = Path.Combine(root, "job.slurm");
            await File.WriteAllTextAsync(script, new SlurmScriptGenerator().Generate(job), ct);

            using var interrupt = new CancellationTokenSource();
            var run = Cli.Wrap("bash").WithArguments([script]).WithWorkingDirectory(root)
                .WithEnvironmentVariables(env => env
                    .Set("PATH", bin + ":" + Environment.GetEnvironmentVariable("PATH"))
                    .Set("SLURM_JOB_ID", "4242").Set("SLURM_JOB_NUM_NODES", "1")
                    .Set("SLURM_CPUS_PER_TASK", "8").Set("SLURM_MEM_PER_NODE", "4096"))
                .WithValidation(CommandResultValidation.None)
                // Graceful cancellation interrupts the batch shell, as Slurm's warning signal does.
                .ExecuteAsync(CancellationToken.None, interrupt.Token);
            Assert.True(SpinWait.SpinUntil(() => File.Exists(log) && File.ReadAllText(log).Contains("started", StringComparison.Ordinal) || run.Task.IsCompleted,
                TimeSpan.FromSeconds(30)), "the agent never started");
            Assert.False(run.Task.IsCompleted, File.Exists(log) ? File.ReadAllText(log) : "no log");
            var workDir = Directory.GetDirectories(Path.Combine(root, "scratch", "4242")).Single();

            await interrupt.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await run);

            var lines = await File.ReadAllLinesAsync(log, ct);
            Assert.Contains($"--master=10.0.0.5:5050 --port=5051", lines[0], StringComparison.Ordinal);
            Assert.Contains($"--work_dir={workDir}", lines[0], StringComparison.Ordinal);
            Assert.Contains("--resources=cpus:8;mem:3584", lines[0], StringComparison.Ordinal);
            Assert.Contains("--attributes=slurm_job:4242;", lines[0], StringComparison.Ordinal);
            Assert.Equal("started", lines[1]);
            Assert.StartsWith("usr1", lines[2], StringComparison.Ordinal);
            Assert.False(Directory.Exists(workDir), "the agent's scratch folder was left behind");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task WriteExecutableAsync(string path, string content, CancellationToken ct)
    {
        await File.WriteAllTextAsync(path, content, ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
