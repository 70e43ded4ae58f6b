namespace MesosConsole.Allocation.State;

internal sealed class FrameworkState(string id)
{
    public string Id { get; } = id;

    /// <summary>Connected and not deactivated; an inactive framework keeps its allocations but gets no offers.</summary>
    public bool Active
    {
        get;
        set
        {
            field = value;
            foreach (var membership in Memberships.Values)
            {
                membership.RefreshCandidacy();
            }
        }
    } = true;

    /// <summary>One entry per role the framework subscribes to or still holds resources in.</summary>
    public Dictionary<string, RoleMembership> Memberships { get; } = new(StringComparer.Ordinal);
}
