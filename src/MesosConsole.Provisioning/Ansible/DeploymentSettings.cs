using System.Text.RegularExpressions;

namespace MesosConsole.Provisioning.Ansible;

/// <summary>
/// The deploy wizard's settings: the cluster's name, how to reach the hosts, where the packages come
/// from and the ports. <see cref="SshPrivateKeyFile"/> is a secret: it goes to ansible-playbook's command
/// line only, never into the inventory, the variables, the log or the database.
/// </summary>
public sealed partial class DeploymentSettings
{
    public string ClusterName { get; set; } = "";

    public string SshUser { get; set; } = "";

    public string SshPrivateKeyFile { get; set; } = "";

    public PackageSource Mesos { get; } = new("mesos");

    public PackageSource Marathon { get; } = new("marathon");

    public PackageSource Chronos { get; } = new("chronos");

    public PackageSource Aurora { get; } = new("aurora");

    public int ZooKeeperPort { get; set; } = 2181;

    public int MasterPort { get; set; } = 5050;

    public int AgentPort { get; set; } = 5051;

    public int MarathonPort { get; set; } = 8080;

    public int ChronosPort { get; set; } = 4400;

    public int AuroraPort { get; set; } = 8081;

    /// <summary>Masters that must agree; empty means a majority of the masters.</summary>
    public int? Quorum { get; set; }

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = ValidateAccess(ClusterName, SshUser, SshPrivateKeyFile).ToList();
        errors.AddRange(Mesos.Validate("Mesos", nameof(Mesos)));
        errors.AddRange(Marathon.Validate("Marathon", nameof(Marathon)));
        errors.AddRange(Chronos.Validate("Chronos", nameof(Chronos)));
        errors.AddRange(Aurora.Validate("Aurora", nameof(Aurora)));

        var ports = new (string Field, int Port)[]
        {
            (nameof(ZooKeeperPort), ZooKeeperPort), (nameof(MasterPort), MasterPort), (nameof(AgentPort), AgentPort),
            (nameof(MarathonPort), MarathonPort), (nameof(ChronosPort), ChronosPort), (nameof(AuroraPort), AuroraPort),
        };
        foreach (var (field, port) in ports)
        {
            if (port is < 1 or > 65535)
            {
                errors.Add(new(field, $"A port is between 1 and 65535, not {port}."));
            }
            else if (ports.First(p => p.Port == port).Field != field)
            {
                errors.Add(new(field, $"Port {port} is already used by {ports.First(p => p.Port == port).Field}."));
            }
        }

        if (Quorum is < 1)
        {
            errors.Add(new(nameof(Quorum), "The quorum is at least 1 (or empty for a majority of the masters)."));
        }

        return errors;
    }

    /// <summary>The checks every playbook's form shares: the cluster's name and how to reach the hosts.</summary>
    internal static IEnumerable<FieldError> ValidateAccess(string clusterName, string sshUser, string sshPrivateKeyFile)
    {
        if (string.IsNullOrWhiteSpace(clusterName))
        {
            yield return new(nameof(ClusterName), "Give the cluster a name.");
        }
        else if (!NamePattern().IsMatch(clusterName.Trim()))
        {
            yield return new(nameof(ClusterName), "A cluster name has 1 to 100 letters, digits, '-', '_' or '.', and starts with a letter or digit.");
        }

        if (sshUser.Length > 0 && !UserPattern().IsMatch(sshUser.Trim()))
        {
            yield return new(nameof(SshUser), $"\"{sshUser.Trim()}\" is not a Unix user name (lower-case letters, digits, '_' and '-').");
        }

        if (sshPrivateKeyFile.Length > 0 && (!Path.IsPathFullyQualified(sshPrivateKeyFile.Trim()) || !File.Exists(sshPrivateKeyFile.Trim())))
        {
            // The path itself is not repeated: it is treated as a secret.
            yield return new(nameof(SshPrivateKeyFile), "The private key file must be an absolute path to a file on the console's machine.");
        }
    }

    /// <summary>The extra variables for site.yml (names as in ansible/group_vars/all.yml). No secrets.</summary>
    public IReadOnlyDictionary<string, object> ToVariables()
    {
        var variables = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["mesos_cluster_name"] = ClusterName.Trim(),
            ["zookeeper_client_port"] = ZooKeeperPort,
            ["mesos_master_port"] = MasterPort,
            ["mesos_agent_port"] = AgentPort,
            ["marathon_http_port"] = MarathonPort,
            ["chronos_http_port"] = ChronosPort,
            ["aurora_http_port"] = AuroraPort,
        };
        if (Quorum is { } quorum)
        {
            variables["mesos_quorum"] = quorum;
        }

        Mesos.AddVariables(variables, canBeDisabled: false);
        Marathon.AddVariables(variables, canBeDisabled: true);
        Chronos.AddVariables(variables, canBeDisabled: true);
        Aurora.AddVariables(variables, canBeDisabled: true);
        return variables;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[a-z_][a-z0-9_-]{0,31}$")]
    private static partial Regex UserPattern();
}
