using System.Globalization;
using MesosConsole.Mesos.State;

namespace MesosConsole.Web.Offers;

/// <summary>What a task needs from one agent: scalars, a number of ports, and the role it runs in.</summary>
public sealed record ResourceDemand(double Cpus, double Mem, double Disk, double Gpus, ulong Ports, string? Role)
{
    public static ResourceDemand From(ResourceSummary resources, string? role = null) =>
        new(resources.Cpus, resources.Mem, resources.Disk, resources.Gpus, resources.Ports, role);

    public override string ToString()
    {
        List<string> parts = [];
        Add("cpus", Cpus);
        Add("mem", Mem);
        Add("disk", Disk);
        Add("gpus", Gpus);
        if (Ports > 0)
        {
            parts.Add($"{Ports} port(s)");
        }

        return parts.Count == 0 ? "nothing" : string.Join(", ", parts);

        void Add(string name, double value)
        {
            if (value > 0)
            {
                parts.Add($"{value.ToString("0.###", CultureInfo.InvariantCulture)} {name}");
            }
        }
    }
}

/// <summary>
/// The "what does it need?" form of the why page, as typed: kept as text so a validation error never
/// loses what was entered. <see cref="Validate"/> gives one message per bad field.
/// </summary>
public sealed class DemandForm
{
    public string Cpus { get; set; } = "1";
    public string Mem { get; set; } = "128";
    public string Disk { get; set; } = "0";
    public string Gpus { get; set; } = "0";
    public string Ports { get; set; } = "0";
    public string Role { get; set; } = "";

    /// <summary>Field name → message for every field that is wrong; empty when the demand is usable.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var cpus = Scalar(nameof(Cpus), Cpus, "cpus", errors);
        var mem = Scalar(nameof(Mem), Mem, "memory (MB)", errors);
        Scalar(nameof(Disk), Disk, "disk (MB)", errors);
        Scalar(nameof(Gpus), Gpus, "gpus", errors);
        if (!ulong.TryParse(Ports.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var ports) || ports > 65535)
        {
            errors[nameof(Ports)] = "Ports must be a whole number from 0 to 65535.";
        }

        if (cpus is 0 && mem is 0 && !errors.ContainsKey(nameof(Cpus)) && !errors.ContainsKey(nameof(Mem)))
        {
            // Mesos refuses a task with neither: every task needs some cpus or memory.
            errors[nameof(Cpus)] = "A task needs some cpus or memory: give cpus or mem above 0.";
        }

        var role = Role.Trim();
        if (role.Length > 0 && (role is "." or ".." || role.StartsWith('-') || role.StartsWith('/') || role.EndsWith('/')
            || role.Any(c => char.IsWhiteSpace(c) || c == '\\')))
        {
            // Mesos's role name rules.
            errors[nameof(Role)] = "A role may not be '.' or '..', start with '-', start or end with '/', or contain spaces or backslashes.";
        }

        return errors;
    }

    /// <summary>The demand, or null while <see cref="Validate"/> reports errors.</summary>
    public ResourceDemand? ToDemand()
    {
        if (Validate().Count > 0)
        {
            return null;
        }

        return new ResourceDemand(Parse(Cpus), Parse(Mem), Parse(Disk), Parse(Gpus),
            ulong.Parse(Ports.Trim(), CultureInfo.InvariantCulture), Role.Trim() is { Length: > 0 } r ? r : null);
    }

    private static double? Scalar(string field, string text, string what, Dictionary<string, string> errors)
    {
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value) || double.IsInfinity(value))
        {
            errors[field] = $"Enter {what} as a number, e.g. 0.5.";
            return null;
        }

        if (value < 0)
        {
            errors[field] = $"{char.ToUpperInvariant(what[0])}{what[1..]} cannot be negative.";
            return null;
        }

        return value;
    }

    private static double Parse(string text) => double.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
