using MesosConsole.Mesos.State;
using MesosConsole.Web.Components.Sandbox;
using MesosConsole.Web.Sandbox;
using Microsoft.AspNetCore.Components;

namespace MesosConsole.Web.Components.Pages.Sandbox;

/// <summary>
/// <c>/sandbox?task=&lt;frameworkId&gt;/&lt;taskId&gt;</c> (repeatable): one task's sandbox (files and live
/// stdout/stderr), or the merged live output of several tasks (all instances of an app, all ranks of an
/// MPI job). Everything goes through the console, which finds each sandbox as the Mesos web UI does
/// (see <see cref="SandboxLocator"/>).
/// </summary>
public sealed partial class SandboxPage
{
    private const string FileStream = "file";
    private const int MaxPickable = 200;

    private readonly CancellationTokenSource _stop = new();
    private List<RequestedTask> _tasks = [];
    private List<string> _badQuery = [];
    private IReadOnlyList<LogViewSource> _sources = [];
    private string _stream = "stdout";
    private string? _viewedFile;
    private string[] _parsed = [];

    [Inject]
    private SandboxLocator Locator { get; set; } = default!;

    /// <summary><c>frameworkId/taskId</c>, once per task.</summary>
    [SupplyParameterFromQuery(Name = "task")]
    public string[]? TaskQuery { get; set; }

    protected override void OnParametersSet()
    {
        var query = TaskQuery ?? [];
        if (query.SequenceEqual(_parsed))
        {
            return;
        }

        _parsed = query;
        _badQuery = [];
        var keys = new List<TaskKey>();
        foreach (var value in query)
        {
            var slash = value.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || slash == value.Length - 1)
            {
                _badQuery.Add($"\"{value}\" does not name a task: expected task=<frameworkId>/<taskId>.");
                continue;
            }

            var key = new TaskKey(value[..slash], value[(slash + 1)..]);
            if (!keys.Contains(key))
            {
                keys.Add(key);
            }
        }

        _tasks = [.. keys.Select(k => new RequestedTask(k))];
        _viewedFile = null;
        _stream = "stdout";
        UpdateSources();
        LocateWhatCan(Snapshot);
    }

    protected override void OnSnapshot(ClusterSnapshot snapshot) => LocateWhatCan(snapshot);

    protected override void OnClusterChanged()
    {
        foreach (var task in _tasks)
        {
            task.Reset();
        }

        UpdateSources();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        await base.DisposeAsyncCore();
    }

    /// <summary>Starts looking for every sandbox not found yet whose task the master now knows.</summary>
    private void LocateWhatCan(ClusterSnapshot snapshot)
    {
        foreach (var task in _tasks)
        {
            if (task.Sandbox is not null || task.Locating)
            {
                continue;
            }

            if (!snapshot.Tasks.TryGetValue(task.Key, out var view))
            {
                task.Problem = snapshot.Connected
                    ? $"The master does not know task \"{task.Key.TaskId}\" of framework \"{task.Key.FrameworkId}\"."
                    : null;
                continue;
            }

            // A failed attempt is repeated by itself once the task moves on (e.g. from STAGING to RUNNING).
            if (task.Problem is not null && task.TriedInState == view.State)
            {
                continue;
            }

            _ = LocateAsync(task, view.State);
        }
    }

    private async Task LocateAsync(RequestedTask task, Mesos.V1.TaskState state)
    {
        task.Locating = true;
        task.TriedInState = state;
        var cluster = Cluster;
        try
        {
            task.Sandbox = await Locator.LocateAsync(cluster, task.Key, _stop.Token);
            task.Problem = null;
        }
        catch (Exception ex) when (ex is SandboxException or FilesApiException)
        {
            task.Problem = ex.Message;
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            task.Locating = false;
        }

        if (cluster == Cluster)
        {
            UpdateSources();
            await InvokeAsync(StateHasChanged);
        }
    }

    private void Retry(RequestedTask task)
    {
        task.Reset();
        LocateWhatCan(Snapshot);
    }

    private void SetStream(string stream)
    {
        _stream = stream;
        UpdateSources();
    }

    private void ViewFile(string path)
    {
        _viewedFile = path;
        _stream = FileStream;
        UpdateSources();
    }

    /// <summary>What the log view follows: the chosen stream of every sandbox found, or the file picked in the browser.</summary>
    private void UpdateSources()
    {
        IReadOnlyList<LogViewSource> next = _stream == FileStream && _viewedFile is not null && _tasks is [{ Sandbox: { } only }]
            ? [new LogViewSource(only.AgentId, _viewedFile, only.Task.TaskId)]
            : [.. _tasks.Where(t => t.Sandbox is not null)
                .Select(t => new LogViewSource(t.Sandbox!.AgentId,
                    _stream == "stderr" ? t.Sandbox.Stderr : t.Sandbox.Stdout, t.Key.TaskId))];
        if (!next.SequenceEqual(_sources))
        {
            _sources = next;
        }
    }

    private string FrameworkName(string frameworkId) => Snapshot.Frameworks.GetValueOrDefault(frameworkId)?.Name ?? frameworkId;

    private IEnumerable<TaskView> PickableTasks() => Snapshot.Tasks.Values
        .Where(t => t.AgentId is not null)
        .OrderBy(t => t.IsTerminal)
        .ThenBy(t => t.FrameworkId, StringComparer.Ordinal)
        .ThenBy(t => t.Id, StringComparer.Ordinal)
        .Take(MaxPickable);

    /// <summary>A task named in the query, and how finding its sandbox went.</summary>
    private sealed class RequestedTask(TaskKey key)
    {
        public TaskKey Key => key;

        public TaskSandbox? Sandbox { get; set; }

        public string? Problem { get; set; }

        public bool Locating { get; set; }

        public Mesos.V1.TaskState? TriedInState { get; set; }

        public void Reset()
        {
            Sandbox = null;
            Problem = null;
            TriedInState = null;
        }
    }
}
