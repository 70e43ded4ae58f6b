using MesosConsole.Data.Deployments;
using MesosConsole.Provisioning.Ansible;
using MesosConsole.Web.Access;
using MesosConsole.Web.Cluster;
using MesosConsole.Web.Model;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MesosConsole.Web.Components.Pages.Deploy;

/// <summary>
/// One deployment run. While it goes: its output so far, then live lines from the
/// <see cref="DeploymentRunner"/> grouped per task and host, and Cancel. Once it has ended: the stored
/// record (result, exit code, recap, the full log, the console's notes) and the cluster it added to the
/// chooser. Leaving the page only stops watching; the run goes on.
/// </summary>
public sealed partial class DeploymentRunPage : IDisposable
{
    private readonly CancellationTokenSource _pageGone = new();
    private List<BreadcrumbItem> _breadcrumbs = [];
    private Guid? _shownId;
    private DeploymentRun? _run;
    private AnsibleRunProgress _progress = new();
    private IReadOnlyList<string> _notes = [];
    private bool _live;
    private bool _cancelling;
    private string? _notFound;
    private int _renderPending;

    [Parameter]
    public string RunId { get; set; } = "";

    [Inject]
    private DeploymentRunStore Store { get; set; } = default!;

    [Inject]
    private DeploymentRunner Runner { get; set; } = default!;

    [Inject]
    private ConsoleUserName User { get; set; } = default!;

    [Inject]
    private IClusterCatalog Catalog { get; set; } = default!;

    [Inject]
    private ClusterSelection Selection { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private DateTimeOffset Now => Time.GetUtcNow();

    protected override async Task OnParametersSetAsync()
    {
        _breadcrumbs =
        [
            new("Deploy", ConsoleLinks.Deploy), new("Deployment runs", ConsoleLinks.DeployRuns), new(RunId, href: null, disabled: true),
        ];
        if (!Guid.TryParse(RunId, out var id))
        {
            _shownId = null;
            _run = null;
            _notFound = $"There is no such run: \"{RunId}\" is not a run id. Every run is listed under Deployment runs.";
            return;
        }

        if (_shownId != id)
        {
            _shownId = id;
            await LoadAsync(id);
        }
    }

    public void Dispose()
    {
        // Ends this page's watch (it unsubscribes from the run); the run itself goes on.
        _pageGone.Cancel();
        _pageGone.Dispose();
    }

    private async Task LoadAsync(Guid id)
    {
        var run = await Store.FindAsync(id, _pageGone.Token);
        if (run is null)
        {
            _run = null;
            _notFound = $"There is no such run: no deployment run has the id {id}. Every run is listed under Deployment runs.";
            return;
        }

        _notFound = null;
        if (run.Result == DeploymentResult.Running && Runner.Watch(id) is { } lines)
        {
            _run = run;
            _progress = new AnsibleRunProgress();
            _notes = [];
            _live = true;
            _ = FollowAsync(id, lines, _pageGone.Token);
            return;
        }

        if (run.Result == DeploymentResult.Running)
        {
            // It ended between reading the row and asking the runner: its row is final now.
            run = await Store.FindAsync(id, _pageGone.Token) ?? run;
        }

        ShowStored(run);
    }

    /// <summary>Lines so far, then live ones; once the run is recorded as ended, the stored run replaces the live view.</summary>
    private async Task FollowAsync(Guid id, IAsyncEnumerable<IReadOnlyList<string>> lines, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in lines.WithCancellation(cancellationToken))
            {
                foreach (var line in batch)
                {
                    _progress.Add(line);
                }

                RequestRender();
            }

            var stored = await Store.FindAsync(id, cancellationToken);
            await InvokeAsync(() =>
            {
                if (stored is not null && _shownId == id)
                {
                    ShowStored(stored);
                }

                StateHasChanged();
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page went away.
        }
        catch (ObjectDisposedException) when (cancellationToken.IsCancellationRequested)
        {
            // The page went away while the stored run was being read.
        }
    }

    private void ShowStored(DeploymentRun run)
    {
        _run = run;
        _live = false;
        _progress = new AnsibleRunProgress();
        if (run.Log.Length > 0)
        {
            foreach (var line in run.Log.Split('\n'))
            {
                _progress.Add(line);
            }
        }

        _notes = DeploymentLogNotes.Read(run.Log);
    }

    private async Task CancelAsync()
    {
        if (_shownId is { } id)
        {
            _cancelling = true;
            await Runner.CancelAsync(id, await User.GetAsync(), _pageGone.Token);
            _cancelling = false;
        }
    }

    /// <summary>Output lines come from the runner's thread; renders are coalesced to the pace the circuit can take.</summary>
    private void RequestRender()
    {
        if (Interlocked.Exchange(ref _renderPending, 1) == 0)
        {
            _ = InvokeAsync(() =>
            {
                Volatile.Write(ref _renderPending, 0);
                StateHasChanged();
            });
        }
    }

    private void OpenCluster(string clusterId)
    {
        Selection.Select(clusterId);
        Navigation.NavigateTo(string.IsNullOrEmpty(ConsoleLinks.Overview) ? "./" : ConsoleLinks.Overview);
    }

    private static Severity OutcomeSeverity(DeploymentResult result) => result switch
    {
        DeploymentResult.Succeeded => Severity.Success,
        DeploymentResult.Failed => Severity.Error,
        _ => Severity.Warning,
    };

    private static string OutcomeText(DeploymentRun run) => run.Result switch
    {
        DeploymentResult.Succeeded when run.ClusterId is not null => $"The deployment succeeded; {run.ClusterName} was added to the cluster chooser.",
        DeploymentResult.Succeeded => "The deployment succeeded.",
        DeploymentResult.Cancelled => "The run was cancelled; ansible-playbook and everything it started were stopped.",
        DeploymentResult.Interrupted => "The run was interrupted: the console stopped while it was going. The log ends where it stopped.",
        DeploymentResult.Running => "Recorded as running, but this console is not running it: the console that started it stopped. It is marked interrupted when the console next starts.",
        _ when run.ExitCode is null => "ansible-playbook could not run; the log says why.",
        _ => $"The deployment failed (ansible-playbook exited with {run.ExitCode}); the failed tasks are marked below.",
    };
}
