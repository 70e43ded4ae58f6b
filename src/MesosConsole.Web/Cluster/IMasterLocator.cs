namespace MesosConsole.Web.Cluster;

/// <summary>Finds the base URL of the master that currently leads the cluster.</summary>
public interface IMasterLocator
{
    /// <exception cref="MesosConsole.Mesos.Client.MesosApiException">No leader could be found.</exception>
    Task<Uri> LocateAsync(CancellationToken cancellationToken);
}
