using MesosConsole.Allocation;
using MesosConsole.Mesos.V1;
using WireValueType = MesosConsole.Mesos.V1.ValueType;

namespace MesosConsole.LocalCluster.Master;

/// <summary>Converts between wire <see cref="Resource"/> lists and the allocator's <see cref="Resources"/>.</summary>
internal static class ResourceMapping
{
    /// <summary>Sums a wire resource list; returns an error text for malformed entries.</summary>
    public static Resources FromWire(IEnumerable<Resource>? resources, out string? error)
    {
        error = null;
        var result = Resources.Empty;
        if (resources is null)
        {
            return result;
        }

        foreach (var r in resources)
        {
            if (string.IsNullOrEmpty(r.Name))
            {
                error = "Resource without a name";
                return result;
            }

            switch (r.Type)
            {
                case WireValueType.Scalar:
                    var value = r.Scalar?.Value;
                    if (value is null || double.IsNaN(value.Value) || double.IsInfinity(value.Value) || value < 0)
                    {
                        error = $"Invalid scalar resource {r.Name}: {value?.ToString() ?? "no value"}";
                        return result;
                    }

                    result += Resources.FromScalars((r.Name, value.Value));
                    break;
                case WireValueType.Ranges:
                    var ranges = new List<Allocation.ValueRange>();
                    foreach (var range in r.Ranges?.Range ?? [])
                    {
                        if (range.Begin is not { } b || range.End is not { } e || b > e)
                        {
                            error = $"Invalid ranges resource {r.Name}";
                            return result;
                        }

                        ranges.Add(new Allocation.ValueRange(b, e));
                    }

                    result += Resources.Empty.WithRanges(r.Name, ranges);
                    break;
                default:
                    error = $"Unsupported resource type {r.Type?.ToString() ?? "(none)"} for {r.Name}";
                    return result;
            }
        }

        return result;
    }

    /// <summary>
    /// Wire form of a resource set. <paramref name="allocationRole"/> adds allocation_info (MULTI_ROLE
    /// frameworks and the operator API); <paramref name="preRefinementRole"/> adds the legacy "role".
    /// </summary>
    public static List<Resource> ToWire(Resources resources, string? preRefinementRole = "*", string? allocationRole = null)
    {
        var list = new List<Resource>(resources.Scalars.Count + resources.Ranges.Count);
        var allocation = allocationRole is null ? null : new AllocationInfo { Role = allocationRole };
        foreach (var (name, ranges) in resources.Ranges)
        {
            list.Add(new Resource
            {
                Name = name,
                Type = WireValueType.Ranges,
                Ranges = new Ranges { Range = ranges.Select(r => new Mesos.V1.ValueRange { Begin = r.Begin, End = r.End }).ToList() },
                Role = preRefinementRole,
                AllocationInfo = allocation,
            });
        }

        foreach (var (name, value) in resources.Scalars)
        {
            list.Add(new Resource
            {
                Name = name,
                Type = WireValueType.Scalar,
                Scalar = new Scalar { Value = value },
                Role = preRefinementRole,
                AllocationInfo = allocation,
            });
        }

        return list;
    }

    /// <summary>Mesos's text form used in validation messages: "cpus(allocated: *):64; mem(allocated: *):32".</summary>
    public static string Describe(Resources resources, string role) =>
        string.Join("; ", resources.Ranges.Select(r => $"{r.Key}(allocated: {role}):[{string.Join(", ", r.Value.Select(v => $"{v.Begin}-{v.End}"))}]")
            .Concat(resources.Scalars.Select(s => $"{s.Key}(allocated: {role}):{s.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}")));
}
