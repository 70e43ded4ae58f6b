namespace MesosConsole.Provisioning.Ansible;

/// <summary>The inventory groups <c>ansible/site.yml</c> is driven by.</summary>
public enum DeploymentGroup
{
    Zookeeper,
    Masters,
    Agents,
    Schedulers,
}

public static class DeploymentGroups
{
    public static IReadOnlyList<DeploymentGroup> All { get; } = Enum.GetValues<DeploymentGroup>();

    /// <summary>The group's name in the inventory, as site.yml's plays name it.</summary>
    public static string InventoryName(this DeploymentGroup group) => group switch
    {
        DeploymentGroup.Zookeeper => "zookeeper",
        DeploymentGroup.Masters => "masters",
        DeploymentGroup.Agents => "agents",
        _ => "schedulers",
    };

    public static bool TryParse(string name, out DeploymentGroup group)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.InventoryName(), name, StringComparison.OrdinalIgnoreCase))
            {
                group = candidate;
                return true;
            }
        }

        group = default;
        return false;
    }
}
