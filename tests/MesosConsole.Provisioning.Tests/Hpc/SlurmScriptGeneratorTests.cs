using MesosConsole.Provisioning.Hpc;
using MesosConsole.Provisioning.Tests.Support;

namespace MesosConsole.Provisioning.Tests.Hpc;

public sealed class SlurmScriptGeneratorTests
{
    private readonly SlurmScriptGenerator _generator = new();

    internal static SlurmAgentJob CometJob() => new()
    {
        Master = "10.0.0.5:5050",
        Nodes = 4,
        CoresPerNode = 24,
        MemoryPerNodeMb = 120_000,
        Walltime = "1-12:00:00",
        Account = "sds154",
        Partition = "compute",
        MesosAgentPath = "/home/me/mesos/sbin/mesos-agent",
    };

    [Fact]
    public void Generate_CometJob_AllocationAndOneAgentPerNode()
    {
        var script = _generator.Generate(CometJob());

        Assert.StartsWith("#!/bin/bash\n", script, StringComparison.Ordinal);
        foreach (var directive in new[]
        {
            "#SBATCH --account=sds154", "#SBATCH --partition=compute", "#SBATCH --nodes=4", "#SBATCH --ntasks-per-node=1",
            "#SBATCH --cpus-per-task=24", "#SBATCH --mem=120000M", "#SBATCH --time=1-12:00:00", "#SBATCH --signal=B:TERM@120",
        })
        {
            Assert.Contains(directive + "\n", script, StringComparison.Ordinal);
        }

        Assert.Contains("export MESOS_MASTER='10.0.0.5:5050'", script, StringComparison.Ordinal);
        Assert.Contains("export MESOS_AGENT_BIN='/home/me/mesos/sbin/mesos-agent'", script, StringComparison.Ordinal);
        Assert.Contains("export MESOS_SCRATCH=\"/scratch/$USER/$SLURM_JOB_ID\"", script, StringComparison.Ordinal);
        Assert.Contains("export MESOS_MEM_MB=$(( ${SLURM_MEM_PER_NODE:-120000} - 512 ))", script, StringComparison.Ordinal);
        Assert.Contains("srun --nodes=\"$SLURM_JOB_NUM_NODES\" --ntasks-per-node=1", script, StringComparison.Ordinal);
        Assert.Contains("--resources=\"cpus:$MESOS_CPUS;mem:$MESOS_MEM_MB\"", script, StringComparison.Ordinal);
        Assert.Contains("trap 'kill -USR1 \"$agent\" 2>/dev/null || true' TERM INT", script, StringComparison.Ordinal);
        // The #SBATCH block must come before the first command, or sbatch ignores it.
        Assert.True(script.LastIndexOf("#SBATCH", StringComparison.Ordinal) < script.IndexOf("set -euo pipefail", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Generate_Script_PassesBashSyntaxCheckAndShellcheck()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = Path.Combine(Path.GetTempPath(), $"mesos-agents-{Guid.NewGuid():N}.slurm");
        var job = CometJob();
        job.Master = "zk://10.0.0.5:2181,10.0.0.6:2181/mesos";
        job.ScratchDirectory = "$TMPDIR/mesos";
        await File.WriteAllTextAsync(path, _generator.Generate(job), ct);
        try
        {
            var (bashExit, bashOutput) = await AnsibleTool.RunAsync("bash", ["-n", path], Path.GetTempPath(), cancellationToken: ct);
            var (shellcheckExit, shellcheckOutput) = await AnsibleTool.RunAsync("shellcheck", ["--severity=style", "--shell=bash", path], Path.GetTempPath(), cancellationToken: ct);

            Assert.True(bashExit == 0, bashOutput);
            Assert.True(shellcheckExit == 0, shellcheckOutput);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_BadFields_ClearMessagePerField()
    {
        var job = new SlurmAgentJob
        {
            Master = "10.0.0.5; rm -rf /",
            Nodes = 0,
            CoresPerNode = 2000,
            MemoryPerNodeMb = 100,
            Walltime = "2 hours",
            Account = "",
            Partition = "comp ute",
            MesosAgentPath = "mesos-agent",
            AgentPort = 80,
            ScratchDirectory = "/scratch/$(whoami)",
        };

        var errors = job.Validate().ToDictionary(e => e.Field, e => e.Message);

        Assert.Equal("\"10.0.0.5; rm -rf /\" is not host:port (e.g. 10.0.0.5:5050) or zk://host:port,host:port/path.", errors["Master"]);
        Assert.Equal("Nodes is between 1 and 10000.", errors["Nodes"]);
        Assert.Equal("Cores per node is between 1 and 1024.", errors["CoresPerNode"]);
        Assert.StartsWith("Memory per node is at least 1024 MB", errors["MemoryPerNodeMb"], StringComparison.Ordinal);
        Assert.Equal("\"2 hours\" is not a Slurm time: use HH:MM:SS or D-HH:MM:SS, e.g. 02:00:00.", errors["Walltime"]);
        Assert.StartsWith("Give the account", errors["Account"], StringComparison.Ordinal);
        Assert.StartsWith("\"comp ute\" is not a valid partition", errors["Partition"], StringComparison.Ordinal);
        Assert.StartsWith("The mesos-agent path is an absolute path", errors["MesosAgentPath"], StringComparison.Ordinal);
        Assert.StartsWith("The agent port is between 1024 and 65535", errors["AgentPort"], StringComparison.Ordinal);
        Assert.StartsWith("The scratch directory is an absolute path", errors["ScratchDirectory"], StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => _generator.Generate(job));
    }

    [Theory]
    [InlineData("00:01:00", "must be longer than 120 seconds")]
    [InlineData("01:75:00", "minutes or seconds above 59")]
    [InlineData("2-30:00:00", "hours above 23")]
    public void Validate_ImpossibleWalltime_Refused(string walltime, string expected)
    {
        var job = CometJob();
        job.Walltime = walltime;

        Assert.Contains(expected, Assert.Single(job.Validate()).Message, StringComparison.Ordinal);
    }
}
