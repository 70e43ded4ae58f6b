using System.Text;

namespace MesosConsole.Provisioning.Ansible;

/// <summary>
/// The INI inventory for <c>ansible/site.yml</c>: one section per group, hosts named by their address
/// (so <c>ansible_host</c> and the name agree), and the SSH user for all. No secrets go in here: the
/// private key is passed to ansible-playbook on its command line, and the inventory is stored with the run.
/// </summary>
public static class InventoryBuilder
{
    public static string Build(IReadOnlyList<DeploymentHost> hosts, string? sshUser)
    {
        var text = new StringBuilder();
        foreach (var group in DeploymentGroups.All)
        {
            text.Append('[').Append(group.InventoryName()).Append("]\n");
            foreach (var host in hosts.Where(h => h.IsIn(group)))
            {
                text.Append(host.Address).Append(" ansible_host=").Append(host.Address).Append('\n');
            }

            text.Append('\n');
        }

        if (!string.IsNullOrWhiteSpace(sshUser))
        {
            text.Append("[all:vars]\nansible_user=").Append(sshUser.Trim()).Append('\n');
        }

        return text.ToString();
    }
}
