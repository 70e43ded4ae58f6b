namespace MesosConsole.Provisioning.Ansible;

/// <summary>One machine to deploy onto: its address (also its inventory name) and the groups it is in.</summary>
public sealed record DeploymentHost(string Address, IReadOnlyList<DeploymentGroup> Groups)
{
    public bool IsIn(DeploymentGroup group) => Groups.Contains(group);
}
