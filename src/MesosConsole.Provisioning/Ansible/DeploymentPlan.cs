using System.Text.Json;

namespace MesosConsole.Provisioning.Ansible;

/// <summary>
/// Everything one run of <c>ansible/site.yml</c> or <c>ansible/local.yml</c> needs, checked: the inventory
/// text, the extra variables as JSON, the masters' URLs the new cluster will answer on, and the secrets to keep out of sight.
/// </summary>
public sealed record DeploymentPlan(
    string ClusterName,
    string Playbook,
    string Inventory,
    string VariablesJson,
    IReadOnlyList<Uri> MasterUrls,
    string? PrivateKeyFile,
    Guid? ProvisioningRequestId)
{
    public const string SitePlaybook = "site.yml";

    /// <summary>MesosConsole's own local cluster as a service on a host.</summary>
    public const string LocalPlaybook = "local.yml";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The plan, or every reason there is none (hosts and settings alike).</summary>
    public static (DeploymentPlan? Plan, IReadOnlyList<FieldError> Errors) Create(
        IReadOnlyList<DeploymentHost> hosts, DeploymentSettings settings, Guid? provisioningRequestId = null)
    {
        var errors = settings.Validate().ToList();
        var masters = hosts.Where(h => h.IsIn(DeploymentGroup.Masters)).ToList();
        if (masters.Count == 0)
        {
            errors.Add(new("Hosts", "At least one host must be in the masters group."));
        }

        if (!hosts.Any(h => h.IsIn(DeploymentGroup.Zookeeper)))
        {
            errors.Add(new("Hosts", "At least one host must be in the zookeeper group (the masters elect their leader through it)."));
        }

        if (!hosts.Any(h => h.IsIn(DeploymentGroup.Agents)))
        {
            errors.Add(new("Hosts", "At least one host must be in the agents group, or the cluster has nowhere to run tasks."));
        }

        var schedulersWanted = settings.Marathon.Enabled || settings.Chronos.Enabled || settings.Aurora.Enabled;
        if (schedulersWanted && !hosts.Any(h => h.IsIn(DeploymentGroup.Schedulers)))
        {
            errors.Add(new("Hosts", "Marathon, Chronos or Aurora is on, so at least one host must be in the schedulers group (or turn them off)."));
        }

        if (settings.Quorum is { } quorum && masters.Count > 0 && quorum > masters.Count)
        {
            errors.Add(new(nameof(DeploymentSettings.Quorum), $"The quorum ({quorum}) cannot exceed the number of masters ({masters.Count})."));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var plan = new DeploymentPlan(
            settings.ClusterName.Trim(),
            SitePlaybook,
            InventoryBuilder.Build(hosts, settings.SshUser),
            JsonSerializer.Serialize(settings.ToVariables(), Indented),
            [.. masters.Select(m => new Uri($"http://{(m.Address.Contains(':') ? $"[{m.Address}]" : m.Address)}:{settings.MasterPort}"))],
            settings.SshPrivateKeyFile.Trim() is { Length: > 0 } key ? key : null,
            provisioningRequestId);
        return (plan, errors);
    }

    /// <summary>The plan for local.yml: one host running the local cluster, added to the chooser at its master's URL.</summary>
    public static (DeploymentPlan? Plan, IReadOnlyList<FieldError> Errors) CreateLocal(LocalClusterSettings settings)
    {
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var plan = new DeploymentPlan(
            settings.ClusterName.Trim(),
            LocalPlaybook,
            InventoryBuilder.BuildLocal(settings.Host.Trim(), settings.SshUser),
            JsonSerializer.Serialize(settings.ToVariables(), Indented),
            [settings.MasterUrl()],
            settings.SshPrivateKeyFile.Trim() is { Length: > 0 } key ? key : null,
            ProvisioningRequestId: null);
        return (plan, errors);
    }

    /// <summary>Values that must never be shown or stored: replaced by <c>***</c> in every output line.</summary>
    public IReadOnlyList<string> Secrets => PrivateKeyFile is null ? [] : [PrivateKeyFile];
}
