namespace MesosConsole.Provisioning.Cloud;

/// <summary>An instance as the cloud reports it now.</summary>
public sealed record CloudInstance(string Id, string State, string? PublicAddress, string? PrivateAddress)
{
    /// <summary>EC2 <c>running</c>, OpenStack <c>ACTIVE</c>.</summary>
    public bool IsRunning => State is "running" or "ACTIVE";

    /// <summary>States an instance does not come back from on its own while starting.</summary>
    public bool HasFailed => State is "terminated" or "shutting-down" or "stopped" or "stopping" or "ERROR" or "DELETED";

    /// <summary>Gone for good: nothing of it holds the security group any more.</summary>
    public bool IsGone => State is "terminated" or "DELETED";
}
