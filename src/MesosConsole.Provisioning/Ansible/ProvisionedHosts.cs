using MesosConsole.Data.Provisioning;

namespace MesosConsole.Provisioning.Ansible;

/// <summary>
/// The hosts of a provisioning request: masters also run ZooKeeper and the schedulers (the usual
/// small-cluster layout), agents are agents. Terminated instances and ones without an address are left
/// out, and each one left out is named, so the wizard can say why a host is missing.
/// </summary>
public static class ProvisionedHosts
{
    public static (IReadOnlyList<DeploymentHost> Hosts, IReadOnlyList<string> Skipped) From(ProvisioningRequest request)
    {
        var hosts = new List<DeploymentHost>();
        var skipped = new List<string>();
        foreach (var instance in request.Instances.OrderBy(i => i.Role).ThenBy(i => i.Name, StringComparer.Ordinal))
        {
            var address = instance.PublicAddress ?? instance.PrivateAddress;
            if (instance.TerminatedAt is not null)
            {
                skipped.Add($"{instance.Name} is terminated.");
            }
            else if (address is null)
            {
                skipped.Add($"{instance.Name} has no address yet (state {instance.State}).");
            }
            else if (HostAddress.Validate(address) is { } error)
            {
                skipped.Add($"{instance.Name}: {error}");
            }
            else
            {
                hosts.Add(new DeploymentHost(address, instance.Role == InstanceRole.Master
                    ? [DeploymentGroup.Zookeeper, DeploymentGroup.Masters, DeploymentGroup.Schedulers]
                    : [DeploymentGroup.Agents]));
            }
        }

        return (hosts, skipped);
    }
}
