namespace MesosConsole.Allocation;

/// <summary>
/// A framework's DRF standing: <see cref="Shares"/> holds allocated ÷ cluster total for each of
/// cpus, mem, disk and gpus the cluster has; <see cref="DominantShare"/> is the largest of them.
/// Allocated means offered or in use, across all of the framework's roles.
/// </summary>
public sealed record FrameworkShare(string FrameworkId, IReadOnlyDictionary<string, double> Shares, double DominantShare, Resources Allocated);
