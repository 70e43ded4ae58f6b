namespace MesosConsole.Provisioning.Cloud;

/// <summary>
/// What the clouds' instance state names mean, in one place: EC2's (<c>pending</c>, <c>running</c>,
/// <c>shutting-down</c>, <c>terminated</c>, …) and Nova's (<c>BUILD</c>, <c>ACTIVE</c>, <c>SHUTOFF</c>,
/// <c>ERROR</c>, <c>DELETED</c>, …), exactly as each reports them.
/// </summary>
public static class CloudStates
{
    /// <summary>EC2 <c>running</c>, OpenStack <c>ACTIVE</c>.</summary>
    public static bool IsRunning(string state) => state is "running" or "ACTIVE";

    /// <summary>States an instance does not come back from on its own while starting.</summary>
    public static bool HasFailed(string state) => state is "terminated" or "shutting-down" or "stopped" or "stopping" or "ERROR" or "DELETED";

    /// <summary>Gone for good: nothing of it holds the security group any more.</summary>
    public static bool IsGone(string state) => state is "terminated" or "DELETED";

    /// <summary>A state that stays until someone acts (running, stopped, failed, gone); the others are on their way somewhere.</summary>
    public static bool IsSettled(string state) => IsRunning(state) || IsGone(state) || state is "stopped" or "SHUTOFF" or "ERROR";
}
