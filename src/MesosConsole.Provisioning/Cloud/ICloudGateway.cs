using MesosConsole.Data.Provisioning;

namespace MesosConsole.Provisioning.Cloud;

/// <summary>A key pair the cloud holds (its private half stays with the user).</summary>
public sealed record CloudKeyPair(string Name, string? Fingerprint);

/// <summary>A machine size (EC2 instance type or OpenStack flavor) or an image, as a pickable choice.</summary>
public sealed record CloudChoice(string Id, string Name);

/// <summary>
/// The few cloud calls a provisioning wizard needs, one implementation per cloud (EC2 over the AWS SDK,
/// OpenStack over its REST APIs). Failures are <see cref="CloudOperationException"/>s with a message
/// for people; throttling is already retried inside.
/// </summary>
public interface ICloudGateway
{
    Task<IReadOnlyList<CloudKeyPair>> ListKeyPairsAsync(CancellationToken cancellationToken);

    /// <summary>Creates a key pair and returns its private key, which the cloud will never give again.</summary>
    Task<string> CreateKeyPairAsync(string name, CancellationToken cancellationToken);

    Task ImportKeyPairAsync(string name, string publicKey, CancellationToken cancellationToken);

    /// <summary>Images the user may pick from (empty where the cloud has too many to list: EC2).</summary>
    Task<IReadOnlyList<CloudChoice>> ListImagesAsync(CancellationToken cancellationToken);

    /// <summary>Machine sizes the user may pick from (empty where they are typed: EC2).</summary>
    Task<IReadOnlyList<CloudChoice>> ListMachineTypesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Asks the cloud whether the launch would succeed without creating anything (EC2 DryRun; on
    /// OpenStack: the image, flavors and key pair exist). Throws with the reason when it would not.
    /// </summary>
    Task CheckAsync(LaunchPlan plan, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the cluster's security group, open to <see cref="LaunchPlan.AllowedCidr"/> only; hands its id
    /// to <paramref name="created"/> as soon as the cloud returns it (before the rules are added, so a
    /// failure while opening ports cannot hide the group), and returns it.
    /// </summary>
    Task<string> CreateSecurityGroupAsync(LaunchPlan plan, Func<string, CancellationToken, Task> created, CancellationToken cancellationToken);

    /// <summary>
    /// One attempt to delete a security group. <see cref="SecurityGroupDeletion.InUse"/> while the cloud
    /// still counts something in it (EC2 DependencyViolation, Neutron 409); the caller decides how long to wait.
    /// </summary>
    Task<SecurityGroupDeletion> DeleteSecurityGroupAsync(string securityGroupId, CancellationToken cancellationToken);

    /// <summary>Networks that can hand out public addresses (Neutron <c>router:external</c>); empty on EC2, where the subnet does.</summary>
    Task<IReadOnlyList<CloudChoice>> ListExternalNetworksAsync(CancellationToken cancellationToken);

    /// <summary>Gives a running instance a public address from <paramref name="externalNetworkId"/> (an OpenStack floating IP on its port).</summary>
    Task<FloatingAddress> AttachFloatingAddressAsync(string instanceId, string externalNetworkId, CancellationToken cancellationToken);

    /// <summary>Releases a floating address back to the pool; one already gone counts as released.</summary>
    Task ReleaseFloatingAddressAsync(string floatingAddressId, CancellationToken cancellationToken);

    /// <summary>
    /// Every instance the cloud holds for the cluster, by the tags (EC2) or metadata (OpenStack) the launch
    /// sets (<see cref="LaunchPlan.ClusterTag"/>, <see cref="LaunchPlan.RoleTag"/>), narrowed to its
    /// security group where known; instances already gone are left out.
    /// </summary>
    Task<IReadOnlyList<FoundInstance>> FindLaunchedAsync(string clusterName, string? securityGroupId, CancellationToken cancellationToken);

    /// <summary>
    /// Starts the role's instances and hands each new instance to <paramref name="created"/> as soon as
    /// the cloud returns its id, before any further call, so a later failure cannot hide it.
    /// </summary>
    Task LaunchAsync(LaunchPlan plan, InstanceRole role, string securityGroupId, Func<LaunchedInstance, CancellationToken, Task> created, CancellationToken cancellationToken);

    /// <summary>The instances' states now; an id the cloud no longer knows is left out (EC2) or reported DELETED (OpenStack).</summary>
    Task<IReadOnlyList<CloudInstance>> DescribeAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken);

    Task TerminateAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken);
}

public sealed record LaunchedInstance(string Id, string Name, string State);

/// <summary>The answer to one attempt at deleting a security group.</summary>
public enum SecurityGroupDeletion
{
    Deleted,

    /// <summary>The cloud has no such group (deleted earlier, or by hand): nothing is left to clean up.</summary>
    NotFound,

    /// <summary>Something still uses the group: instances shutting down, or (OpenStack) ports not yet removed.</summary>
    InUse,
}

/// <summary>A public address bound to an instance: the cloud's id for releasing it, and the address itself.</summary>
public sealed record FloatingAddress(string Id, string Address);

/// <summary>An instance found in the cloud by the cluster's tags, with what the tags say about it.</summary>
public sealed record FoundInstance(CloudInstance Instance, string? Name, InstanceRole Role, string? FloatingAddressId);
