using MesosConsole.Mesos.State;
using MesosConsole.Web.Offers;
using Microsoft.AspNetCore.Components;

namespace MesosConsole.Web.Components.Pages.Why;

/// <summary>
/// "Why is it not running?": <see cref="FitExplainer"/> over the live snapshot, for a task's resources
/// (<c>?framework=&amp;task=</c>) or a demand typed into the form. It also joins the cluster's shared
/// <see cref="OffersFeed"/>, whose decision stream (when the master has one) tells which refusal
/// filters and suppressed roles keep offers away.
/// </summary>
public sealed partial class WhyPage
{
    private readonly DemandForm _form = new();
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private ResourceDemand? _demand;
    private string? _frameworkId;
    private TaskView? _task;
    private OffersFeedLease? _lease;
    private ITimer? _renderTimer;
    private long _seenFeedVersion;

    [SupplyParameterFromQuery(Name = "framework")]
    public string? FrameworkId { get; set; }

    [SupplyParameterFromQuery(Name = "task")]
    public string? TaskId { get; set; }

    [Inject]
    private OffersFeedRegistry Registry { get; set; } = default!;

    protected override void OnInitialized()
    {
        base.OnInitialized();
        _lease = Registry.Watch(Cluster);
        _renderTimer = Time.CreateTimer(_ => _ = InvokeAsync(RenderIfFeedChanged), null, RenderInterval, RenderInterval);
    }

    protected override void OnParametersSet()
    {
        _frameworkId = FrameworkId;
        FindTask(Snapshot);
    }

    protected override void OnSnapshot(ClusterSnapshot snapshot) => FindTask(snapshot);

    protected override void OnClusterChanged()
    {
        var old = _lease;
        _lease = Registry.Watch(Cluster);
        _ = old?.DisposeAsync().AsTask();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        if (_renderTimer is not null)
        {
            await _renderTimer.DisposeAsync();
        }

        if (_lease is not null)
        {
            await _lease.DisposeAsync();
        }

        await base.DisposeAsyncCore();
    }

    private void FindTask(ClusterSnapshot snapshot) =>
        _task = FrameworkId is { } framework && TaskId is { } task && snapshot.Tasks.TryGetValue(new TaskKey(framework, task), out var view) ? view : null;

    private void OnFrameworkChanged(string? frameworkId) => _frameworkId = frameworkId;

    private void Explain()
    {
        _errors = _form.Validate();
        _demand = _form.ToDemand();
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    /// <summary>The explanation for what is chosen now, recomputed from the latest snapshot on every render.</summary>
    private FitReport? Report()
    {
        var demand = _task is { } task ? ResourceDemand.From(task.Resources) : _demand;
        if (demand is null)
        {
            return null;
        }

        var framework = _frameworkId is { } id ? Snapshot.Frameworks.GetValueOrDefault(id) : null;
        var now = Time.GetUtcNow();
        var knowledge = _lease is { } lease ? AllocatorKnowledge.From(lease.Feed.Current, now) : AllocatorKnowledge.None(now);
        return FitExplainer.Explain(Snapshot, framework, demand, knowledge);
    }

    private void RenderIfFeedChanged()
    {
        if (_lease?.Feed.Current.Version is { } version && version != _seenFeedVersion)
        {
            _seenFeedVersion = version;
            StateHasChanged();
        }
    }
}
