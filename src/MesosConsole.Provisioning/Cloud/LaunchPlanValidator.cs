using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MesosConsole.Data.Provisioning;

namespace MesosConsole.Provisioning.Cloud;

/// <summary>
/// Checks every wizard field before anything reaches the cloud, with a message that says what to type
/// instead. All errors are returned at once so the form shows them together.
/// </summary>
public static partial class LaunchPlanValidator
{
    public const int MaxMasters = 7;

    public const int MaxAgents = 100;

    public static IReadOnlyList<PlanFieldError> Validate(LaunchPlan plan)
    {
        var errors = new List<PlanFieldError>();
        void Add(string field, string message) => errors.Add(new PlanFieldError(field, message));

        if (ClusterNameMessage(plan.ClusterName) is { } nameMessage)
        {
            Add(nameof(LaunchPlan.ClusterName), nameMessage);
        }

        if (plan.Provider == CloudProvider.Ec2 && !Ec2Region().IsMatch(plan.Region))
        {
            Add(nameof(LaunchPlan.Region), "Give an EC2 region code such as us-east-1 or eu-west-2.");
        }
        else if (plan.Provider == CloudProvider.OpenStack && !OpenStackRegion().IsMatch(plan.Region))
        {
            Add(nameof(LaunchPlan.Region), "Give the OpenStack region name (letters, digits, '.', '_' or '-'), e.g. RegionOne or IU.");
        }

        if (plan.Provider == CloudProvider.Ec2 && !AmiId().IsMatch(plan.ImageId))
        {
            Add(nameof(LaunchPlan.ImageId), "Give an AMI id such as ami-0abcdef1234567890.");
        }
        else if (plan.Provider == CloudProvider.OpenStack && string.IsNullOrWhiteSpace(plan.ImageId))
        {
            Add(nameof(LaunchPlan.ImageId), "Pick an image.");
        }

        CheckType(plan, nameof(LaunchPlan.MasterType), plan.MasterType, Add);
        CheckType(plan, nameof(LaunchPlan.AgentType), plan.AgentType, Add);

        if (plan.MasterCount < 1 || plan.MasterCount > MaxMasters)
        {
            Add(nameof(LaunchPlan.MasterCount), $"Masters must be between 1 and {MaxMasters}.");
        }
        else if (plan.MasterCount % 2 == 0)
        {
            Add(nameof(LaunchPlan.MasterCount), $"Use an odd number of masters (1, 3 or 5): ZooKeeper needs a majority, and {plan.MasterCount} tolerates no more failures than {plan.MasterCount - 1}.");
        }

        if (plan.AgentCount < 1 || plan.AgentCount > MaxAgents)
        {
            Add(nameof(LaunchPlan.AgentCount), $"Agents must be between 1 and {MaxAgents}.");
        }

        if (string.IsNullOrWhiteSpace(plan.KeyName))
        {
            Add(nameof(LaunchPlan.KeyName), "Pick, create or import a key pair: Ansible needs it to reach the machines.");
        }
        else if (!KeyName().IsMatch(plan.KeyName))
        {
            Add(nameof(LaunchPlan.KeyName), "Key pair names are up to 255 letters, digits, spaces or ._-@ characters.");
        }

        if (CidrMessage(plan.AllowedCidr) is { } cidrMessage)
        {
            Add(nameof(LaunchPlan.AllowedCidr), cidrMessage);
        }

        foreach (var (key, value) in plan.Tags)
        {
            if (string.IsNullOrWhiteSpace(key) || key.Length > 128 || value.Length > 256)
            {
                Add(nameof(LaunchPlan.Tags), $"Tag '{key}': keys are 1–128 characters and values at most 256.");
            }
            else if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase) || key.StartsWith("mesosconsole:", StringComparison.OrdinalIgnoreCase) || key == "Name")
            {
                Add(nameof(LaunchPlan.Tags), $"Tag '{key}' is reserved (aws:…, mesosconsole:… and Name are set by the cloud or the console).");
            }
        }

        return errors;
    }

    public static string? ClusterNameMessage(string? name) =>
        name is not null && ClusterName().IsMatch(name)
            ? null
            : "Cluster names are 3–32 characters: lower-case letters, digits and '-', starting with a letter and not ending with '-'.";

    /// <summary>Only an IPv4 network with its host bits clear, and never the whole internet.</summary>
    public static string? CidrMessage(string? cidr)
    {
        if (string.IsNullOrWhiteSpace(cidr) || !cidr.Contains('/', StringComparison.Ordinal))
        {
            return "Give the network allowed in as an IPv4 CIDR, e.g. 203.0.113.0/24 (your office) or 198.51.100.7/32 (one address).";
        }

        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        if (!IPAddress.TryParse(cidr[..slash], out var address) || !int.TryParse(cidr[(slash + 1)..], out var prefix) || !IPNetwork.TryParse(cidr, out var network))
        {
            return $"'{cidr}' is not a CIDR: write an address, '/', and a prefix length 0–32, e.g. 203.0.113.0/24.";
        }

        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return "Give an IPv4 CIDR (IPv6 is not supported here yet).";
        }

        // EC2 and Neutron both refuse (or silently widen) a network whose host bits are set.
        if (!Mask(address, prefix).Equals(address))
        {
            return $"'{cidr}' has host bits set: did you mean {Mask(address, prefix)}/{prefix}?";
        }

        return network.PrefixLength == 0
            ? "0.0.0.0/0 would open Mesos, ZooKeeper and every task port to the whole internet: give your own network."
            : null;
    }

    private static IPAddress Mask(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var bit = prefix; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPAddress(bytes);
    }

    private static void CheckType(LaunchPlan plan, string field, string value, Action<string, string> add)
    {
        if (plan.Provider == CloudProvider.Ec2 && !Ec2InstanceType().IsMatch(value))
        {
            add(field, "Give an EC2 instance type such as t3.medium or m5.large.");
        }
        else if (plan.Provider == CloudProvider.OpenStack && string.IsNullOrWhiteSpace(value))
        {
            add(field, "Pick a flavor.");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,30}[a-z0-9]$")]
    private static partial Regex ClusterName();

    [GeneratedRegex(@"^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$")]
    private static partial Regex Ec2Region();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex OpenStackRegion();

    [GeneratedRegex("^ami-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex AmiId();

    [GeneratedRegex(@"^[a-z][a-z0-9-]*\.[a-z0-9-]+$")]
    private static partial Regex Ec2InstanceType();

    [GeneratedRegex(@"^[A-Za-z0-9 ._@-]{1,255}$")]
    private static partial Regex KeyName();
}
