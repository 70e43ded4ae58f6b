using MesosConsole.Mesos.State;

namespace MesosConsole.Web.Model;

/// <summary>
/// The health page's state from one snapshot: the overview (null until the store first connected) and,
/// while the store is disconnected, why and when it tries again.
/// </summary>
public sealed record ClusterOverviewState(ClusterOverview? Overview, string? Error, DateTimeOffset? RetryAt, long Version)
{
    public bool IsLoading => Overview is null && Error is null;

    public static ClusterOverviewState From(ClusterSnapshot snapshot, IReadOnlyList<Uri>? configuredMasters = null) => new(
        ClusterOverview.From(snapshot, configuredMasters),
        snapshot.Connected ? null : snapshot.Error,
        snapshot.Connected ? null : snapshot.RetryAt,
        snapshot.Version);
}
