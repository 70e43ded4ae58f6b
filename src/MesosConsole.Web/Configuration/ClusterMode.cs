namespace MesosConsole.Web.Configuration;

/// <summary>Which cluster the console shows.</summary>
public enum ClusterMode
{
    /// <summary>The web host starts the embedded Mesos-compatible cluster and shows it.</summary>
    Embedded,

    /// <summary>The console shows an existing cluster, found through <see cref="ClusterOptions.MasterUrls"/>.</summary>
    Remote,
}
