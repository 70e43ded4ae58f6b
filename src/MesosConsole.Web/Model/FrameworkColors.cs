using System.Collections.Immutable;
using MesosConsole.Mesos.State;

namespace MesosConsole.Web.Model;

/// <summary>
/// A colour per framework for the topology view and its legend. Frameworks are numbered in id order
/// (Mesos ids grow with registration), so a framework keeps its colour from one snapshot to the next.
/// </summary>
public sealed class FrameworkColors
{
    /// <summary>Distinct on white and readable by most colour-blind eyes (Tableau 10), then a few more.</summary>
    public static readonly ImmutableArray<string> Palette =
    [
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
        "#1f77b4", "#8c564b",
    ];

    /// <summary>For tasks whose framework the store does not know (it registered before an event we missed).</summary>
    public const string Unknown = "#6b6b6b";

    private readonly Dictionary<string, string> _byFramework;

    private FrameworkColors(Dictionary<string, string> byFramework) => _byFramework = byFramework;

    public static FrameworkColors Of(IEnumerable<FrameworkView> frameworks)
    {
        var byFramework = new Dictionary<string, string>();
        var index = 0;
        foreach (var framework in frameworks.OrderBy(f => f.Id, StringComparer.Ordinal))
        {
            byFramework[framework.Id] = Palette[index++ % Palette.Length];
        }

        return new FrameworkColors(byFramework);
    }

    public string this[string frameworkId] => _byFramework.GetValueOrDefault(frameworkId, Unknown);
}
