namespace MesosConsole.Provisioning.Ansible;

/// <summary>
/// Where a successfully deployed cluster goes: the console's cluster chooser. Defined here and implemented
/// by the web host, so provisioning never depends on the UI.
/// </summary>
public interface IDeployedClusterSink
{
    /// <summary>Adds the cluster; a refusal (the name is taken, say) comes back as <see cref="DeployedCluster.Problem"/>.</summary>
    Task<DeployedCluster> AddAsync(string name, IReadOnlyList<Uri> masterUrls, Guid runId, CancellationToken cancellationToken);
}

/// <summary>The chooser's id of the added cluster, or why it was not added.</summary>
public sealed record DeployedCluster(string? ClusterId, string? Problem)
{
    public static DeployedCluster Added(string clusterId) => new(clusterId, null);

    public static DeployedCluster Refused(string problem) => new(null, problem);
}
