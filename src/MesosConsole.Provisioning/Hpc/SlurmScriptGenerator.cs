using System.Globalization;
using System.Text;

namespace MesosConsole.Provisioning.Hpc;

/// <summary>
/// Writes the Slurm batch script for a <see cref="SlurmAgentJob"/>: srun starts one mesos-agent per
/// node of the allocation, each offering the node's cores and memory, working in node-local scratch
/// and registering with the given master. On scancel, and <see cref="ShutdownWarningSeconds"/> before
/// the walltime ends, every agent gets SIGUSR1, on which Mesos agents kill their tasks and unregister
/// from the master (a plain SIGTERM would leave the master waiting for them to come back).
/// </summary>
public sealed class SlurmScriptGenerator
{
    /// <summary>Slurm signals the batch shell this long before the walltime (<c>--signal=B:TERM@…</c>).</summary>
    public const int ShutdownWarningSeconds = 120;

    /// <summary>Memory kept back from the agent's offer, for the agent itself and the node's own needs.</summary>
    public const int ReservedMemoryMb = 512;

    public string FileName(SlurmAgentJob job) => $"{job.JobName.Trim()}.slurm";

    /// <summary>The script; <paramref name="job"/> must have passed <see cref="SlurmAgentJob.Validate"/> (values are pasted into shell).</summary>
    public string Generate(SlurmAgentJob job)
    {
        if (job.Validate() is { Count: > 0 } errors)
        {
            throw new ArgumentException(string.Join(" ", errors.Select(e => e.Message)), nameof(job));
        }

        var memory = job.MemoryPerNodeMb.ToString(CultureInfo.InvariantCulture);
        var script = new StringBuilder();
        void Line(string text = "") => script.Append(text).Append('\n');

        Line("#!/bin/bash");
        Line($"# Mesos agents inside a Slurm allocation, registered with the Mesos master {job.Master.Trim()}.");
        Line("# Written by MesosConsole's HPC wizard. Submit with: sbatch " + FileName(job));
        Line("# One mesos-agent per node (srun), working in node-local scratch and offering the allocation's");
        Line("# cores and memory. On scancel, and " + ShutdownWarningSeconds + " s before the walltime, each agent gets SIGUSR1: it");
        Line("# kills its tasks and unregisters from the master, then its scratch folder is removed.");
        Line($"#SBATCH --job-name={job.JobName.Trim()}");
        Line($"#SBATCH --account={job.Account.Trim()}");
        Line($"#SBATCH --partition={job.Partition.Trim()}");
        Line($"#SBATCH --nodes={job.Nodes}");
        Line("#SBATCH --ntasks-per-node=1");
        Line($"#SBATCH --cpus-per-task={job.CoresPerNode}");
        Line($"#SBATCH --mem={memory}M");
        Line($"#SBATCH --time={job.Walltime.Trim()}");
        Line($"#SBATCH --signal=B:TERM@{ShutdownWarningSeconds}");
        Line("#SBATCH --output=%x-%j.out");
        Line();
        Line("set -euo pipefail");
        Line();
        Line($"export MESOS_MASTER='{job.Master.Trim()}'");
        Line($"export MESOS_AGENT_BIN='{job.MesosAgentPath.Trim()}'");
        Line($"export MESOS_AGENT_PORT={job.AgentPort}");
        Line($"export MESOS_SCRATCH=\"{job.ScratchDirectory.Trim()}\"");
        Line("# What Slurm actually granted wins over what was asked for.");
        Line($"export MESOS_CPUS=\"${{SLURM_CPUS_PER_TASK:-{job.CoresPerNode}}}\"");
        Line($"export MESOS_MEM_MB=$(( ${{SLURM_MEM_PER_NODE:-{memory}}} - {ReservedMemoryMb} ))");
        Line();
        Line("# Runs once on every node, started by srun below.");
        Line("run_agent() {");
        Line("  local node work_dir agent");
        Line("  node=\"$(hostname -s)\"");
        Line("  work_dir=\"$MESOS_SCRATCH/mesos-agent-$node\"");
        Line("  mkdir -p \"$work_dir\"");
        Line("  \"$MESOS_AGENT_BIN\" \\");
        Line("    --master=\"$MESOS_MASTER\" \\");
        Line("    --port=\"$MESOS_AGENT_PORT\" \\");
        Line("    --hostname=\"$(hostname -f)\" \\");
        Line("    --work_dir=\"$work_dir\" \\");
        Line("    --resources=\"cpus:$MESOS_CPUS;mem:$MESOS_MEM_MB\" \\");
        Line("    --attributes=\"slurm_job:$SLURM_JOB_ID;slurm_node:$node\" \\");
        Line("    --launcher=posix --isolation=posix/cpu,posix/mem \\");
        Line("    --no-systemd_enable_support --no-switch_user &");
        Line("  agent=$!");
        Line("  # srun passes SIGTERM (scancel, the walltime warning) on to this task: stop the agent cleanly.");
        Line("  trap 'kill -USR1 \"$agent\" 2>/dev/null || true' TERM INT");
        Line("  # The first wait returns when the trap fires; the second waits for the agent to finish.");
        Line("  wait \"$agent\" || wait \"$agent\" || true");
        Line("  rm -rf \"$work_dir\"");
        Line("}");
        Line("export -f run_agent");
        Line();
        Line("srun --nodes=\"$SLURM_JOB_NUM_NODES\" --ntasks-per-node=1 --kill-on-bad-exit=0 bash -c run_agent &");
        Line("srun_pid=$!");
        Line("trap 'kill -TERM \"$srun_pid\" 2>/dev/null || true' TERM INT");
        Line("wait \"$srun_pid\" || wait \"$srun_pid\" || true");
        return script.ToString();
    }
}
