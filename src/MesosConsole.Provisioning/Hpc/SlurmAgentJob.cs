using System.Text.RegularExpressions;
using MesosConsole.Provisioning.Ansible;

namespace MesosConsole.Provisioning.Hpc;

/// <summary>
/// The HPC wizard's form: a Slurm allocation (nodes, cores and memory per node, walltime, account,
/// partition) whose nodes each run one mesos-agent registered with <see cref="Master"/>. Every value
/// ends up inside a shell script, so each is checked against a strict pattern, not escaped.
/// </summary>
public sealed partial class SlurmAgentJob
{
    /// <summary>The master the agents register with: <c>host:port</c> or <c>zk://host:port,.../mesos</c>.</summary>
    public string Master { get; set; } = "";

    public int Nodes { get; set; } = 2;

    public int CoresPerNode { get; set; } = 24;

    /// <summary>Memory per node in MB; the agent offers all but <see cref="SlurmScriptGenerator.ReservedMemoryMb"/> of it.</summary>
    public int MemoryPerNodeMb { get; set; } = 64 * 1024;

    /// <summary>Slurm time: <c>HH:MM:SS</c> or <c>D-HH:MM:SS</c>.</summary>
    public string Walltime { get; set; } = "02:00:00";

    public string Account { get; set; } = "";

    public string Partition { get; set; } = "compute";

    public string MesosAgentPath { get; set; } = "/usr/sbin/mesos-agent";

    public int AgentPort { get; set; } = 5051;

    /// <summary>Node-local scratch; <c>$USER</c>, <c>$SLURM_JOB_ID</c> and <c>$TMPDIR</c> expand on the node.</summary>
    public string ScratchDirectory { get; set; } = "/scratch/$USER/$SLURM_JOB_ID";

    public string JobName { get; set; } = "mesos-agents";

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Master))
        {
            errors.Add(new(nameof(Master), "Give the master the agents register with, e.g. 10.0.0.5:5050 or zk://10.0.0.5:2181/mesos."));
        }
        else if (!MasterPattern().IsMatch(Master.Trim()) && !ZooKeeperPattern().IsMatch(Master.Trim()))
        {
            errors.Add(new(nameof(Master), $"\"{Master.Trim()}\" is not host:port (e.g. 10.0.0.5:5050) or zk://host:port,host:port/path."));
        }

        if (Nodes is < 1 or > 10_000)
        {
            errors.Add(new(nameof(Nodes), "Nodes is between 1 and 10000."));
        }

        if (CoresPerNode is < 1 or > 1024)
        {
            errors.Add(new(nameof(CoresPerNode), "Cores per node is between 1 and 1024."));
        }

        if (MemoryPerNodeMb is < 1024 or > 64 * 1024 * 1024)
        {
            errors.Add(new(nameof(MemoryPerNodeMb), "Memory per node is at least 1024 MB (the agent keeps 512 MB for itself)."));
        }

        if (WalltimePattern().Match(Walltime.Trim()) is not { Success: true } walltime)
        {
            errors.Add(new(nameof(Walltime), $"\"{Walltime.Trim()}\" is not a Slurm time: use HH:MM:SS or D-HH:MM:SS, e.g. 02:00:00."));
        }
        else if (int.Parse(walltime.Groups["m"].Value) > 59 || int.Parse(walltime.Groups["s"].Value) > 59
                 || (walltime.Groups["d"].Success && int.Parse(walltime.Groups["h"].Value) > 23))
        {
            errors.Add(new(nameof(Walltime), $"\"{Walltime.Trim()}\" has minutes or seconds above 59 (or hours above 23 after a day count)."));
        }
        else if (WalltimeSeconds() <= SlurmScriptGenerator.ShutdownWarningSeconds)
        {
            errors.Add(new(nameof(Walltime), $"The walltime must be longer than {SlurmScriptGenerator.ShutdownWarningSeconds} seconds, the warning the agents get to shut down."));
        }

        AddNameError(errors, nameof(Account), Account, "account", "e.g. abc123 (see your allocation with sacctmgr or the system's portal)");
        AddNameError(errors, nameof(Partition), Partition, "partition", "e.g. compute (see sinfo)");
        AddNameError(errors, nameof(JobName), JobName, "job name", "e.g. mesos-agents");

        if (!PathPattern().IsMatch(MesosAgentPath.Trim()))
        {
            errors.Add(new(nameof(MesosAgentPath), "The mesos-agent path is an absolute path of letters, digits, '/', '.', '_', '+' and '-', e.g. /opt/mesos/sbin/mesos-agent."));
        }

        if (AgentPort is < 1024 or > 65535)
        {
            errors.Add(new(nameof(AgentPort), "The agent port is between 1024 and 65535 (jobs cannot bind lower ports)."));
        }

        if (!ScratchPattern().IsMatch(ScratchDirectory.Trim()))
        {
            errors.Add(new(nameof(ScratchDirectory),
                "The scratch directory is an absolute path or starts with $TMPDIR; it may use $USER, $SLURM_JOB_ID and $TMPDIR, e.g. /scratch/$USER/$SLURM_JOB_ID."));
        }

        return errors;
    }

    public int WalltimeSeconds()
    {
        var match = WalltimePattern().Match(Walltime.Trim());
        if (!match.Success)
        {
            return 0;
        }

        var days = match.Groups["d"].Success ? int.Parse(match.Groups["d"].Value) : 0;
        return (((days * 24) + int.Parse(match.Groups["h"].Value)) * 3600) + (int.Parse(match.Groups["m"].Value) * 60) + int.Parse(match.Groups["s"].Value);
    }

    private static void AddNameError(List<FieldError> errors, string field, string value, string what, string example)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, $"Give the {what}, {example}."));
        }
        else if (!NamePattern().IsMatch(value.Trim()))
        {
            errors.Add(new(field, $"\"{value.Trim()}\" is not a valid {what}: letters, digits, '_', '.' and '-' only, {example}."));
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}):[0-9]{1,5}$")]
    private static partial Regex MasterPattern();

    [GeneratedRegex(@"^zk://[A-Za-z0-9.-]+:[0-9]{1,5}(?:,[A-Za-z0-9.-]+:[0-9]{1,5})*/[A-Za-z0-9_/.-]+$")]
    private static partial Regex ZooKeeperPattern();

    [GeneratedRegex(@"^(?:(?<d>[0-9]{1,3})-)?(?<h>[0-9]{1,3}):(?<m>[0-9]{2}):(?<s>[0-9]{2})$")]
    private static partial Regex WalltimePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^/[A-Za-z0-9_./+-]+$")]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"^(?:/|\$TMPDIR\b)(?:[A-Za-z0-9_.+-]|/|\$(?:USER|SLURM_JOB_ID|TMPDIR)\b)*$")]
    private static partial Regex ScratchPattern();
}
