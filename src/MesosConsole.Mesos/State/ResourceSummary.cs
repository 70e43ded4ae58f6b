using MesosConsole.Mesos.V1;

namespace MesosConsole.Mesos.State;

/// <summary>
/// The resources a console shows, added up across roles and reservations: the scalars Mesos
/// schedules on, and the number of ports. Anything else an agent offers is left out on purpose; the
/// wire lists stay available through the operator API when a page needs the detail.
/// </summary>
public sealed record ResourceSummary(double Cpus, double Mem, double Disk, double Gpus, ulong Ports)
{
    public static ResourceSummary Empty { get; } = new(0, 0, 0, 0, 0);

    public static ResourceSummary Of(IEnumerable<Resource>? resources)
    {
        double cpus = 0, mem = 0, disk = 0, gpus = 0;
        ulong ports = 0;
        foreach (var r in resources ?? [])
        {
            var value = r.Scalar?.Value ?? 0;
            switch (r.Name)
            {
                case "cpus": cpus += value; break;
                case "mem": mem += value; break;
                case "disk": disk += value; break;
                case "gpus": gpus += value; break;
                case "ports": ports += CountPorts(r.Ranges); break;
            }
        }

        return new ResourceSummary(cpus, mem, disk, gpus, ports);
    }

    public static ResourceSummary operator +(ResourceSummary a, ResourceSummary b) =>
        new(a.Cpus + b.Cpus, a.Mem + b.Mem, a.Disk + b.Disk, a.Gpus + b.Gpus, a.Ports + b.Ports);

    /// <summary>Never below zero: a stale allocation must not show as negative free space.</summary>
    public static ResourceSummary operator -(ResourceSummary a, ResourceSummary b) =>
        new(Math.Max(0, a.Cpus - b.Cpus), Math.Max(0, a.Mem - b.Mem), Math.Max(0, a.Disk - b.Disk),
            Math.Max(0, a.Gpus - b.Gpus), a.Ports > b.Ports ? a.Ports - b.Ports : 0);

    private static ulong CountPorts(Ranges? ranges) =>
        ranges?.Range?.Aggregate(0UL, (n, r) => r is { Begin: { } b, End: { } e } && e >= b ? n + (e - b + 1) : n) ?? 0;
}
