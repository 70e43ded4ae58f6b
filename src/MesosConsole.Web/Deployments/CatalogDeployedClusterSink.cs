using MesosConsole.Provisioning.Ansible;
using MesosConsole.Web.Cluster;

namespace MesosConsole.Web.Deployments;

/// <summary>
/// Puts a successfully deployed cluster in the cluster chooser (the <see cref="IClusterCatalog"/>),
/// linked to the run that deployed it. The catalog's refusals (the name is taken) come back as the
/// reason, in the words it gives a form.
/// </summary>
public sealed class CatalogDeployedClusterSink(IClusterCatalog catalog) : IDeployedClusterSink
{
    public async Task<DeployedCluster> AddAsync(string name, IReadOnlyList<Uri> masterUrls, Guid runId, CancellationToken cancellationToken)
    {
        try
        {
            var cluster = await catalog.AddAsync(name, masterUrls, cancellationToken, runId);
            return DeployedCluster.Added(cluster.Info.Id);
        }
        catch (ArgumentException e)
        {
            // ArgumentException appends " (Parameter 'name')" to the message; the user needs only the sentence.
            return DeployedCluster.Refused(e.Message.Split(" (Parameter", 2)[0]);
        }
    }
}
