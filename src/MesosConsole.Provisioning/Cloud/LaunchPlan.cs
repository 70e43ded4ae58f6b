using MesosConsole.Data.Provisioning;

namespace MesosConsole.Provisioning.Cloud;

/// <summary>
/// What the wizard asks for, on any cloud: the new cluster's name, where and from what image to start
/// machines, how many of each role, the key pair, and the one network allowed in. Mutable because it
/// is the wizard's form model; stored as the request's settings (it holds no secret).
/// </summary>
public sealed class LaunchPlan
{
    public CloudProvider Provider { get; set; }

    public string ClusterName { get; set; } = "";

    /// <summary>EC2 region (<c>us-east-1</c>) or OpenStack region (<c>RegionOne</c>).</summary>
    public string Region { get; set; } = "";

    /// <summary>EC2 AMI id, or OpenStack image id.</summary>
    public string ImageId { get; set; } = "";

    /// <summary>EC2 instance type or OpenStack flavor id for masters.</summary>
    public string MasterType { get; set; } = "";

    public string AgentType { get; set; } = "";

    public int MasterCount { get; set; } = 1;

    public int AgentCount { get; set; } = 2;

    public string KeyName { get; set; } = "";

    /// <summary>The only network the security group lets in (IPv4 CIDR).</summary>
    public string AllowedCidr { get; set; } = "";

    /// <summary>OpenStack network for the servers; empty lets Nova pick (<c>auto</c>). Not used on EC2.</summary>
    public string? NetworkId { get; set; }

    /// <summary>
    /// OpenStack external network (<c>router:external</c>) that gives each server a floating IP once it is
    /// ACTIVE; empty leaves private addresses only (on Jetstream2 reachable only from inside the project).
    /// Not used on EC2.
    /// </summary>
    public string? ExternalNetworkId { get; set; }

    public bool WantsFloatingAddresses => Provider == CloudProvider.OpenStack && !string.IsNullOrWhiteSpace(ExternalNetworkId);

    /// <summary>The user's own tags (EC2 tags, OpenStack server metadata), added to the console's.</summary>
    public Dictionary<string, string> Tags { get; set; } = [];

    public const string ClusterTag = "mesosconsole:cluster";

    public const string RoleTag = "mesosconsole:role";

    /// <summary>The plan a request was launched with (its stored <see cref="ProvisioningRequest.Settings"/>).</summary>
    public static LaunchPlan Of(ProvisioningRequest request) =>
        System.Text.Json.JsonSerializer.Deserialize<LaunchPlan>(request.Settings) ?? new LaunchPlan { ClusterName = request.ClusterName };

    public string SecurityGroupName => $"mesosconsole-{ClusterName}";

    public string InstanceType(InstanceRole role) => role == InstanceRole.Master ? MasterType : AgentType;

    public int Count(InstanceRole role) => role == InstanceRole.Master ? MasterCount : AgentCount;

    /// <summary>Instance name <c>{cluster}-master-1</c>; numbered from one within the role.</summary>
    public string InstanceName(InstanceRole role, int number) => $"{RoleName(role)}-{number}";

    /// <summary><c>{cluster}-master</c>: the Name tag one EC2 launch call gives all its instances alike.</summary>
    public string RoleName(InstanceRole role) => $"{ClusterName}-{role.ToString().ToLowerInvariant()}";

    /// <summary>The user's tags plus Name, cluster and role (the console's win on a clash).</summary>
    public IReadOnlyDictionary<string, string> TagsFor(InstanceRole role, string name)
    {
        var tags = new Dictionary<string, string>(Tags)
        {
            ["Name"] = name,
            [ClusterTag] = ClusterName,
            [RoleTag] = role.ToString().ToLowerInvariant(),
        };
        return tags;
    }
}
