using System.Globalization;
using MesosConsole.Mesos.V1;
using Attribute = MesosConsole.Mesos.V1.Attribute;
using ValueType = MesosConsole.Mesos.V1.ValueType;

namespace MesosConsole.LocalCluster.Agent.Http;

/// <summary>
/// Resources and attributes in the flat form of Mesos's legacy JSON (/state):
/// <c>{"cpus":0.5,"mem":64.0,"disk":0.0,"gpus":0.0,"ports":"[31000-31001]"}</c>.
/// </summary>
internal static class ResourceSummary
{
    public static Dictionary<string, object> Of(IEnumerable<Resource>? resources)
    {
        // Mesos always lists the four standard scalars, even when zero.
        var summary = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["disk"] = 0.0,
            ["mem"] = 0.0,
            ["gpus"] = 0.0,
            ["cpus"] = 0.0,
        };
        foreach (var resource in resources ?? [])
        {
            if (resource.Name is not { } name)
            {
                continue;
            }

            switch (resource.Type)
            {
                case ValueType.Scalar:
                    summary[name] = (summary.GetValueOrDefault(name) as double? ?? 0.0) + (resource.Scalar?.Value ?? 0);
                    break;
                case ValueType.Ranges:
                    summary[name] = FormatRanges(resource.Ranges);
                    break;
                case ValueType.Set:
                    summary[name] = "{" + string.Join(",", resource.Set?.Item ?? []) + "}";
                    break;
            }
        }

        return summary;
    }

    /// <summary>Summed scalar resources by name (cpus, mem, disk, gpus, …).</summary>
    public static Dictionary<string, double> Scalars(IEnumerable<Resource>? resources)
    {
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var resource in resources ?? [])
        {
            if (resource is { Type: ValueType.Scalar, Name: { } name })
            {
                sums[name] = sums.GetValueOrDefault(name) + (resource.Scalar?.Value ?? 0);
            }
        }

        return sums;
    }

    public static Dictionary<string, object> Attributes(IEnumerable<Attribute>? attributes)
    {
        var summary = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var attribute in attributes ?? [])
        {
            if (attribute.Name is not { } name)
            {
                continue;
            }

            object? value = attribute.Type switch
            {
                ValueType.Scalar => attribute.Scalar?.Value ?? 0.0,
                ValueType.Ranges => FormatRanges(attribute.Ranges),
                ValueType.Set => "{" + string.Join(",", attribute.Set?.Item ?? []) + "}",
                ValueType.Text => attribute.Text?.Value ?? "",
                _ => null,
            };
            if (value is not null)
            {
                summary[name] = value;
            }
        }

        return summary;
    }

    /// <summary>Role the resources are allocated to (or reserved for), "*" when none says.</summary>
    public static string RoleOf(IEnumerable<Resource>? resources, FrameworkInfo framework) =>
        resources?.Select(r => r.AllocationInfo?.Role ?? r.Role).FirstOrDefault(role => role is not null)
        ?? framework.Role ?? framework.Roles?.FirstOrDefault() ?? "*";

    private static string FormatRanges(Ranges? ranges) =>
        "[" + string.Join(", ", (ranges?.Range ?? []).Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{r.Begin}-{r.End}"))) + "]";
}
