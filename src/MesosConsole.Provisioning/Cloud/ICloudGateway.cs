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

    /// <summary>Creates the cluster's security group, open to <see cref="LaunchPlan.AllowedCidr"/> only; returns its id.</summary>
    Task<string> CreateSecurityGroupAsync(LaunchPlan plan, CancellationToken cancellationToken);

    /// <summary>
    /// Starts the role's instances and hands each new instance to <paramref name="created"/> as soon as
    /// the cloud returns its id, before any further call, so a later failure cannot hide it.
    /// </summary>
    Task LaunchAsync(LaunchPlan plan, InstanceRole role, string securityGroupId, Func<LaunchedInstance, CancellationToken, Task> created, CancellationToken cancellationToken);

    Task<IReadOnlyList<CloudInstance>> DescribeAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken);

    Task TerminateAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken);
}

public sealed record LaunchedInstance(string Id, string Name, string State);
