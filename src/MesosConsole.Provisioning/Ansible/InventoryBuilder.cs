using System.Text;

namespace MesosConsole.Provisioning.Ansible;

/// <summary>
/// The INI inventories: for <c>ansible/site.yml</c>: one section per group, hosts named by their address
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
                AppendHost(text, host.Address).Append('\n');
            }

            text.Append('\n');
        }

        AppendUser(text, sshUser);
        return text.ToString();
    }

    /// <summary>
    /// The inventory for <c>ansible/local.yml</c>: the host in the group <c>local_cluster</c>, with the
    /// master listening on the host's own address (a host variable, so each host of the group gets its own).
    /// </summary>
    public static string BuildLocal(string host, string? sshUser)
    {
        var text = new StringBuilder("[local_cluster]\n");
        AppendHost(text, host).Append(" local_cluster_hostname=").Append(host).Append("\n\n");
        AppendUser(text, sshUser);
        return text.ToString();
    }

    /// <summary>
    /// A host line. The console's own machine (localhost, 127.x) is reached without SSH: an admin
    /// installing onto the machine the console runs on needs no key for it, and sshd may not even run there.
    /// </summary>
    private static StringBuilder AppendHost(StringBuilder text, string address)
    {
        text.Append(address).Append(" ansible_host=").Append(address);
        return IsThisMachine(address) ? text.Append(" ansible_connection=local") : text;
    }

    private static bool IsThisMachine(string address) =>
        string.Equals(address, "localhost", StringComparison.OrdinalIgnoreCase) ||
        (System.Net.IPAddress.TryParse(address, out var ip) && System.Net.IPAddress.IsLoopback(ip));

    private static void AppendUser(StringBuilder text, string? sshUser)
    {
        if (!string.IsNullOrWhiteSpace(sshUser))
        {
            text.Append("[all:vars]\nansible_user=").Append(sshUser.Trim()).Append('\n');
        }
    }
}
