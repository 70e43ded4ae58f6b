using System.Globalization;
using MesosConsole.Web.Cluster;
using MesosConsole.Web.Sandbox;
using Microsoft.AspNetCore.Components;

namespace MesosConsole.Web.Components.Sandbox;

/// <summary>
/// One task's sandbox, browsed through its agent's <c>/files/browse</c> (via the console: the browser
/// never talks to the agent). Folders open in place; files can be tailed in the log view or downloaded.
/// </summary>
public sealed partial class SandboxBrowser : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private string _path = "";
    private IReadOnlyList<SandboxEntry>? _entries;
    private string? _error;
    private TaskSandbox? _shown;

    [Parameter, EditorRequired]
    public IConsoleCluster Cluster { get; set; } = default!;

    [Parameter, EditorRequired]
    public TaskSandbox Sandbox { get; set; } = default!;

    /// <summary>Called with a file's path when the user wants to tail it.</summary>
    [Parameter]
    public EventCallback<string> OnView { get; set; }

    /// <summary>The directory listed now.</summary>
    internal string CurrentPath => _path;

    protected override async Task OnParametersSetAsync()
    {
        if (_shown != Sandbox)
        {
            _shown = Sandbox;
            await OpenAsync(Sandbox.Directory);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task OpenAsync(string path)
    {
        _path = path;
        _entries = null;
        _error = null;
        try
        {
            using var http = Cluster.CreateHttpClient();
            var entries = await new FilesApi(http, Sandbox.AgentUrl).BrowseAsync(path, _stop.Token);
            // Folders first, then by name, as file managers list them.
            _entries = [.. entries.OrderByDescending(e => e.IsDirectory).ThenBy(e => e.Name, StringComparer.Ordinal)];
        }
        catch (FilesApiException ex)
        {
            _error = ex.Message;
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The page went away.
        }
    }

    /// <summary>"sandbox" for the sandbox itself, then one crumb per folder below it.</summary>
    private IEnumerable<(string Label, string Path)> Crumbs()
    {
        var root = Sandbox.Directory.TrimEnd('/');
        yield return ("sandbox", Sandbox.Directory);
        if (!_path.StartsWith(root + "/", StringComparison.Ordinal))
        {
            yield break;
        }

        var path = root;
        foreach (var segment in _path[(root.Length + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path = SandboxPaths.Combine(path, segment);
            yield return (segment, path);
        }
    }

    private static string SizeText(SandboxEntry entry) => entry.IsDirectory ? "" : entry.Size switch
    {
        < 1024 => entry.Size.ToString("N0", CultureInfo.InvariantCulture) + " B",
        < 1024 * 1024 => (entry.Size / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KiB",
        < 1024L * 1024 * 1024 => (entry.Size / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MiB",
        _ => (entry.Size / (1024.0 * 1024 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " GiB",
    };
}
