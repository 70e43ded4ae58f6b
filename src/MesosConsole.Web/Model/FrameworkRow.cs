using MesosConsole.Mesos.State;

namespace MesosConsole.Web.Model;

/// <summary>A framework as the Frameworks page lists it, with how many of its tasks are live and finished.</summary>
public sealed record FrameworkRow(FrameworkView Framework, int ActiveTasks, int TerminalTasks)
{
    public string Id => Framework.Id;

    /// <summary>The framework's own web UI, only when it is an http(s) URL: a <c>javascript:</c> link must never be clickable.</summary>
    public Uri? WebUi => SafeWebUi(Framework.WebuiUrl);

    public static Uri? SafeWebUi(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;

    /// <summary>Every framework with its task counts, from one pass over the tasks.</summary>
    public static List<FrameworkRow> Of(ClusterSnapshot snapshot)
    {
        var counts = new Dictionary<string, (int Active, int Terminal)>();
        foreach (var task in snapshot.Tasks.Values)
        {
            var (active, terminal) = counts.GetValueOrDefault(task.FrameworkId);
            counts[task.FrameworkId] = task.IsTerminal ? (active, terminal + 1) : (active + 1, terminal);
        }

        return snapshot.Frameworks.Values
            .Select(f => counts.TryGetValue(f.Id, out var c) ? new FrameworkRow(f, c.Active, c.Terminal) : new FrameworkRow(f, 0, 0))
            .OrderBy(r => r.Framework.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
    }
}
