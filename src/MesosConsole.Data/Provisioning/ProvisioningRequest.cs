namespace MesosConsole.Data.Provisioning;

public enum ProvisioningState
{
    /// <summary>The dry run passed; nothing launched yet.</summary>
    Validated,
    Launching,
    /// <summary>Every instance reached running.</summary>
    Running,
    /// <summary>The launch failed or timed out; <see cref="ProvisioningRequest.Error"/> says why, and instances may remain.</summary>
    Failed,
    Terminated,
}

/// <summary>
/// One launch from a provisioning wizard, with what it created, so a failed launch never leaves an
/// instance running unnoticed: everything ever launched is listed until terminated.
/// </summary>
public sealed class ProvisioningRequest
{
    public Guid Id { get; set; }

    public CloudProvider Provider { get; set; }

    /// <summary>The name the user gave the new cluster (used in tags and instance names).</summary>
    public required string ClusterName { get; set; }

    /// <summary>EC2 region or OpenStack region/cloud name.</summary>
    public required string Region { get; set; }

    public Guid? CredentialId { get; set; }

    public string? RequestedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public ProvisioningState State { get; set; }

    public string? Error { get; set; }

    /// <summary>The wizard's settings as JSON (image, types, counts, CIDR, tags): no secrets.</summary>
    public string Settings { get; set; } = "{}";

    /// <summary>The security group the launch created (EC2 <c>sg-…</c>, Neutron UUID), deleted with the instances.</summary>
    public string? SecurityGroupId { get; set; }

    /// <summary>When the security group was deleted; null while it exists (or none was created).</summary>
    public DateTimeOffset? SecurityGroupDeletedAt { get; set; }

    public List<ProvisionedInstance> Instances { get; set; } = [];
}
