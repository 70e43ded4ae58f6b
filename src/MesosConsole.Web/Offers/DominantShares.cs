using System.Collections.Immutable;

namespace MesosConsole.Web.Offers;

/// <summary>
/// Dominant Resource Fairness as Mesos computes it (reference §6.2): for each scalar the cluster has
/// (cpus, mem, disk, gpus), allocated ÷ total, where allocated = used by tasks + offered; the
/// dominant share is the largest. Used when the master does not stream the allocator's own figures.
/// </summary>
public static class DominantShares
{
    public static ImmutableDictionary<string, double> Compute(IReadOnlyDictionary<string, double> totals, IEnumerable<FrameworkHoldings> frameworks)
    {
        var shares = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var framework in frameworks)
        {
            var dominant = 0.0;
            foreach (var (kind, total) in totals)
            {
                if (total <= 0)
                {
                    continue;
                }

                var allocated = framework.Used.GetValueOrDefault(kind) + framework.Offered.GetValueOrDefault(kind);
                dominant = Math.Max(dominant, allocated / total);
            }

            shares[framework.FrameworkId] = dominant;
        }

        return shares.ToImmutable();
    }
}
