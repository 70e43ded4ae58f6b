using MesosConsole.Mesos.V1;

namespace MesosConsole.LocalCluster;

/// <summary>
/// The build the embedded master and agents report (/version, GET_VERSION, /state): the Mesos release
/// whose wire behaviour they follow (the captures in shared/reference/real-mesos are of 1.11.1).
/// </summary>
internal static class ClusterVersion
{
    public const string Version = "1.11.1";
    public const string BuildDate = "2026-11-25 00:00:00";
    public const double BuildTime = 1795564800.0;
    public const string BuildUser = "mesosconsole";

    public static VersionInfo Info { get; } = new()
    {
        Version = Version,
        BuildDate = BuildDate,
        BuildTime = BuildTime,
        BuildUser = BuildUser,
    };
}
