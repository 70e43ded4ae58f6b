namespace MesosConsole.Data.Deployments;

public enum DeploymentResult
{
    Running,
    Succeeded,
    Failed,
    Cancelled,
    /// <summary>The console stopped (or restarted) while the run was going; its log ends where it stopped.</summary>
    Interrupted,
}

/// <summary>
/// One <c>ansible-playbook</c> run from the deploy wizard, kept whole: who started it and when, the
/// inventory and variables it ran with, the full output, the final recap and how it ended.
/// </summary>
public sealed class DeploymentRun
{
    public Guid Id { get; set; }

    public string? StartedBy { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The name of the cluster being deployed (what the chooser will call it).</summary>
    public string? ClusterName { get; set; }

    /// <summary>The playbook, relative to <c>ansible/</c> (e.g. <c>site.yml</c>).</summary>
    public required string Playbook { get; set; }

    /// <summary>The generated inventory (INI or YAML text) exactly as passed to ansible-playbook.</summary>
    public required string Inventory { get; set; }

    /// <summary>The extra variables as JSON (no secrets).</summary>
    public string Variables { get; set; } = "{}";

    public string Log { get; set; } = "";

    /// <summary>The PLAY RECAP as JSON: one object per host with ok/changed/unreachable/failed/skipped/rescued/ignored.</summary>
    public string? Recap { get; set; }

    public DeploymentResult Result { get; set; }

    public int? ExitCode { get; set; }

    /// <summary>The cluster added to the chooser when the run succeeded.</summary>
    public string? ClusterId { get; set; }

    public Guid? ProvisioningRequestId { get; set; }
}
