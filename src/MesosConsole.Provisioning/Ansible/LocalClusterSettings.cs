using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace MesosConsole.Provisioning.Ansible;

/// <summary>
/// The deploy wizard's settings for <c>ansible/local.yml</c>: MesosConsole's own local cluster as a service
/// on one host. Defaults are the role's (ansible/roles/local_cluster/defaults/main.yml); the master listens
/// on the host's own address, so the console can reach it at <c>http://host:Port</c>.
/// <see cref="SshPrivateKeyFile"/> is a secret, as in <see cref="DeploymentSettings"/>.
/// </summary>
public sealed partial class LocalClusterSettings
{
    public const string SystemdManager = "systemd";
    public const string DetachedManager = "detached";
    public const string DotnetLauncher = "dotnet";
    public const string ExecutableLauncher = "executable";

    public static IReadOnlyList<string> ServiceManagers { get; } = [SystemdManager, DetachedManager];

    public static IReadOnlyList<string> Launchers { get; } = [DotnetLauncher, ExecutableLauncher];

    public string ClusterName { get; set; } = "";

    /// <summary>The machine to install onto: an IPv4 address or a host name (the master's URL is built from it).</summary>
    public string Host { get; set; } = "";

    public string SshUser { get; set; } = "";

    public string SshPrivateKeyFile { get; set; } = "";

    /// <summary>A folder on the console's machine holding MesosConsole.LocalCluster (publish or build output).</summary>
    public string SourceDirectory { get; set; } = "";

    public int Port { get; set; } = 5050;

    public int FirstAgentPort { get; set; } = 5051;

    public int Agents { get; set; } = 3;

    /// <summary>Each agent's resources in the Mesos <c>--resources</c> syntax.</summary>
    public string Resources { get; set; } = "cpus:4;mem:4096;disk:20000;ports:[31000-32000]";

    public string ServiceManager { get; set; } = SystemdManager;

    public string Launcher { get; set; } = DotnetLauncher;

    /// <summary>The dotnet host on the target machine (for the <c>dotnet</c> launcher).</summary>
    public string DotnetPath { get; set; } = "/usr/bin/dotnet";

    public string Prefix { get; set; } = "/opt/mesosconsole-local";

    /// <summary>Install as root (sudo); off when the SSH user owns the prefix and no systemd unit is written.</summary>
    public bool Become { get; set; } = true;

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = DeploymentSettings.ValidateAccess(ClusterName, SshUser, SshPrivateKeyFile).ToList();
        var host = Host.Trim();
        if (HostAddress.Validate(host) is { } hostError)
        {
            errors.Add(new(nameof(Host), hostError));
        }
        else if (IPAddress.TryParse(host, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            errors.Add(new(nameof(Host), "Give an IPv4 address or a host name: the local cluster's master URL is built from it."));
        }

        errors.AddRange(ValidateSourceDirectory());

        if (Port is < 1 or > 65535)
        {
            errors.Add(new(nameof(Port), $"A port is between 1 and 65535, not {Port}."));
        }

        if (Agents is < 1 or > 32)
        {
            errors.Add(new(nameof(Agents), $"Between 1 and 32 agents, not {Agents}."));
        }
        else if (FirstAgentPort < 1 || FirstAgentPort + Agents - 1 > 65535)
        {
            errors.Add(new(nameof(FirstAgentPort), $"The agents take ports {FirstAgentPort} to {FirstAgentPort + Agents - 1}; ports are between 1 and 65535."));
        }
        else if (Port >= FirstAgentPort && Port < FirstAgentPort + Agents)
        {
            errors.Add(new(nameof(FirstAgentPort), $"The agents take ports {FirstAgentPort} to {FirstAgentPort + Agents - 1}, which includes the master's port {Port}."));
        }

        if (!ResourcesPattern().IsMatch(Resources.Trim()))
        {
            errors.Add(new(nameof(Resources), "Resources are written as in Mesos, e.g. cpus:4;mem:4096;disk:20000;ports:[31000-32000]."));
        }

        if (!ServiceManagers.Contains(ServiceManager))
        {
            errors.Add(new(nameof(ServiceManager), $"The service manager is {string.Join(" or ", ServiceManagers)}."));
        }

        if (!Launchers.Contains(Launcher))
        {
            errors.Add(new(nameof(Launcher), $"The launcher is {string.Join(" or ", Launchers)}."));
        }
        else if (Launcher == DotnetLauncher && !IsAbsoluteUnixPath(DotnetPath.Trim()))
        {
            errors.Add(new(nameof(DotnetPath), "Give the absolute path of dotnet on the host, e.g. /usr/bin/dotnet."));
        }

        if (!IsAbsoluteUnixPath(Prefix.Trim()) || Prefix.Trim().TrimEnd('/').Length == 0)
        {
            errors.Add(new(nameof(Prefix), "The prefix is an absolute folder on the host other than /, e.g. /opt/mesosconsole-local."));
        }

        return errors;
    }

    /// <summary>The master's URL once the play has run: the host's address and <see cref="Port"/>.</summary>
    public Uri MasterUrl() => new($"http://{Host.Trim()}:{Port}");

    /// <summary>The extra variables for local.yml (names as in the role's defaults). No secrets.</summary>
    public IReadOnlyDictionary<string, object> ToVariables() => new SortedDictionary<string, object>(StringComparer.Ordinal)
    {
        ["local_cluster_state"] = "present",
        ["local_cluster_source_dir"] = SourceDirectory.Trim(),
        ["local_cluster_port"] = Port,
        ["local_cluster_first_agent_port"] = FirstAgentPort,
        ["local_cluster_agents"] = Agents,
        ["local_cluster_resources"] = Resources.Trim(),
        ["local_cluster_service_manager"] = ServiceManager,
        ["local_cluster_launcher"] = Launcher,
        ["local_cluster_dotnet"] = DotnetPath.Trim(),
        ["local_cluster_prefix"] = Prefix.Trim(),
        ["local_cluster_become"] = Become,
    };

    private IEnumerable<FieldError> ValidateSourceDirectory()
    {
        var folder = SourceDirectory.Trim();
        if (folder.Length == 0 || !Path.IsPathFullyQualified(folder))
        {
            yield return new(nameof(SourceDirectory),
                "Give the absolute path of a folder on the console's machine holding MesosConsole.LocalCluster (dotnet publish src/MesosConsole.LocalCluster -o <folder>).");
            yield break;
        }

        if (!Directory.Exists(folder))
        {
            yield return new(nameof(SourceDirectory), $"There is no folder {folder} on the console's machine.");
            yield break;
        }

        // The launcher decides which file the service runs; without it the play would copy a folder that cannot start.
        var program = Launcher == ExecutableLauncher ? "MesosConsole.LocalCluster" : "MesosConsole.LocalCluster.dll";
        if (!File.Exists(Path.Combine(folder, program)))
        {
            yield return new(nameof(SourceDirectory), $"{folder} has no {program}; build or publish src/MesosConsole.LocalCluster into it.");
        }
    }

    private static bool IsAbsoluteUnixPath(string path) => path.StartsWith('/') && !path.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    [GeneratedRegex(@"^[A-Za-z0-9_.:;,\[\]\-(){}*]+$")]
    private static partial Regex ResourcesPattern();
}
