namespace MesosConsole.Provisioning.Cloud;

/// <summary>An instance as the cloud reports it now.</summary>
public sealed record CloudInstance(string Id, string State, string? PublicAddress, string? PrivateAddress)
{
    public bool IsRunning => CloudStates.IsRunning(State);

    public bool HasFailed => CloudStates.HasFailed(State);

    public bool IsGone => CloudStates.IsGone(State);
}
