using MesosConsole.Data.Provisioning;
using MesosConsole.Provisioning.Cloud;

namespace MesosConsole.Provisioning.Tests.Support;

/// <summary>Valid wizard input to start from; tests change the one field they are about.</summary>
public static class CloudPlans
{
    public static LaunchPlan Ec2() => new()
    {
        Provider = CloudProvider.Ec2,
        ClusterName = "teaching-lab",
        Region = "us-east-1",
        ImageId = "ami-0abcdef1234567890",
        MasterType = "t3.medium",
        AgentType = "m5.large",
        MasterCount = 3,
        AgentCount = 2,
        KeyName = "lab-key",
        AllowedCidr = "203.0.113.0/24",
        Tags = new() { ["project"] = "airavata" },
    };

    public static LaunchPlan OpenStack() => new()
    {
        Provider = CloudProvider.OpenStack,
        ClusterName = "js2-lab",
        Region = "IU",
        ImageId = "img-ubuntu",
        MasterType = "m3.small",
        AgentType = "m3.medium",
        MasterCount = 1,
        AgentCount = 2,
        KeyName = "lab-key",
        AllowedCidr = "198.51.100.0/24",
        NetworkId = "net-1",
        Tags = new() { ["project"] = "airavata" },
    };
}
