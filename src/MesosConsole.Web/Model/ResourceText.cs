using System.Globalization;
using MesosConsole.Mesos.State;

namespace MesosConsole.Web.Model;

/// <summary>Resource amounts as Mesos's web UI shows them: cpus with up to two decimals, memory and disk in MB/GB.</summary>
public static class ResourceText
{
    public static string Amount(string resource, double value) => resource switch
    {
        "mem" or "disk" => Megabytes(value),
        "ports" => value.ToString("0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };

    public static string Megabytes(double mb) => mb >= 1024
        ? (mb / 1024).ToString("0.#", CultureInfo.InvariantCulture) + " GB"
        : mb.ToString("0.#", CultureInfo.InvariantCulture) + " MB";

    /// <summary>"0.5 cpus, 128 MB" — what a task holds, for tooltips and lists.</summary>
    public static string Summary(ResourceSummary r)
    {
        var parts = new List<string> { $"{Amount("cpus", r.Cpus)} cpus", Megabytes(r.Mem) };
        if (r.Disk > 0)
        {
            parts.Add($"{Megabytes(r.Disk)} disk");
        }

        if (r.Ports > 0)
        {
            parts.Add($"{r.Ports} ports");
        }

        return string.Join(", ", parts);
    }

    /// <summary>Part of a whole in percent, 0..100, for bar widths (invariant culture: it goes into CSS).</summary>
    public static string Percent(double part, double whole) =>
        (whole <= 0 ? 0 : Math.Clamp(part / whole * 100, 0, 100)).ToString("0.##", CultureInfo.InvariantCulture);
}
