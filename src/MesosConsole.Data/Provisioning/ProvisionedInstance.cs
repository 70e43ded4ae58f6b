namespace MesosConsole.Data.Provisioning;

public enum InstanceRole
{
    Master,
    Agent,
}

/// <summary>One machine a <see cref="ProvisioningRequest"/> created, as last seen in the cloud.</summary>
public sealed class ProvisionedInstance
{
    public Guid Id { get; set; }

    public Guid RequestId { get; set; }

    /// <summary>The cloud's own id: <c>i-0abc…</c> on EC2, a server UUID on OpenStack.</summary>
    public required string CloudInstanceId { get; set; }

    public required string Name { get; set; }

    public InstanceRole Role { get; set; }

    /// <summary>The cloud's state name as it reports it (<c>pending</c>, <c>running</c>, <c>ACTIVE</c>, …).</summary>
    public required string State { get; set; }

    public string? PublicAddress { get; set; }

    public string? PrivateAddress { get; set; }

    /// <summary>The OpenStack floating IP bound to this instance (released on terminate); null on EC2.</summary>
    public string? FloatingIpId { get; set; }

    public DateTimeOffset LaunchedAt { get; set; }

    public DateTimeOffset? TerminatedAt { get; set; }
}
