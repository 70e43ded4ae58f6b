namespace MesosConsole.Provisioning.Cloud;

/// <summary>One TCP port range a Mesos cluster needs open between its machines and to the user.</summary>
public sealed record PortRange(int From, int To, string Purpose);

/// <summary>
/// The ports a provisioned cluster's security group opens, and only to the CIDR the user gives:
/// master and agent, ZooKeeper (client, peer, election), the schedulers' web APIs, and the task ports
/// agents offer (the default <c>ports:[31000-32000]</c> resource).
/// </summary>
public static class MesosPorts
{
    public static IReadOnlyList<PortRange> All { get; } =
    [
        new(22, 22, "SSH (Ansible)"),
        new(5050, 5050, "Mesos master"),
        new(5051, 5051, "Mesos agent"),
        new(2181, 2181, "ZooKeeper clients"),
        new(2888, 2888, "ZooKeeper peers"),
        new(3888, 3888, "ZooKeeper leader election"),
        new(8080, 8080, "Marathon"),
        new(4400, 4400, "Chronos"),
        new(8081, 8081, "Aurora"),
        new(31000, 32000, "Mesos task ports"),
    ];
}
