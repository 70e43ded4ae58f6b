using System.Globalization;
using MesosConsole.Data.Deployments;
using MesosConsole.Provisioning.Ansible;
using Microsoft.AspNetCore.Components;

namespace MesosConsole.Web.Components.Pages.Deploy;

/// <summary>
/// Every deployment run, newest first: cluster, playbook, who, when, how long, the result and the hosts
/// ok/failed from the recap. Reloads when a run starts or ends (the runner says so), coalesced.
/// </summary>
public sealed partial class DeploymentRunsPage : IDisposable
{
    /// <summary>Enough history for a page; older runs stay in the database.</summary>
    private const int Shown = 200;

    private readonly CancellationTokenSource _pageGone = new();
    private IReadOnlyList<DeploymentRun>? _runs;
    private int _reloadPending;

    [Inject]
    private DeploymentRunStore Store { get; set; } = default!;

    [Inject]
    private DeploymentRunner Runner { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private DateTimeOffset Now => Time.GetUtcNow();

    protected override async Task OnInitializedAsync()
    {
        Runner.RunsChanged += OnRunsChanged;
        _runs = await Store.ListAsync(Shown, _pageGone.Token);
    }

    public void Dispose()
    {
        Runner.RunsChanged -= OnRunsChanged;
        _pageGone.Cancel();
        _pageGone.Dispose();
    }

    /// <summary>"42 s", "3 min 5 s", "2 h 10 min"; a running run counts up to now.</summary>
    internal static string DurationText(DeploymentRun run, DateTimeOffset now)
    {
        var end = run.FinishedAt ?? (run.Result == DeploymentResult.Running ? now : (DateTimeOffset?)null);
        if (end is not { } ended)
        {
            return "—";
        }

        var span = ended - run.StartedAt;
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalMinutes < 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalSeconds} s")
            : span.TotalHours < 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min {span.Seconds} s")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes} min");
    }

    /// <summary>Raised on the runner's thread; one reload at a time, however many runs change meanwhile.</summary>
    private void OnRunsChanged()
    {
        if (Interlocked.Exchange(ref _reloadPending, 1) == 0)
        {
            _ = InvokeAsync(async () =>
            {
                Volatile.Write(ref _reloadPending, 0);
                try
                {
                    _runs = await Store.ListAsync(Shown, _pageGone.Token);
                    StateHasChanged();
                }
                catch (OperationCanceledException)
                {
                    // The page went away.
                }
                catch (ObjectDisposedException)
                {
                    // The page went away.
                }
            });
        }
    }
}
