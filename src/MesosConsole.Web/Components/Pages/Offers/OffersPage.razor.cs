using MesosConsole.Mesos.State;
using MesosConsole.Web.Offers;
using Microsoft.AspNetCore.Components;

namespace MesosConsole.Web.Components.Pages.Offers;

/// <summary>
/// The offer cycle for a teaching lab. It joins the cluster's shared <see cref="OffersFeed"/> (one per
/// cluster, however many tabs watch) and re-renders at most every <see cref="RenderInterval"/>, from a
/// timer that looks at the feed's version, so a busy allocator cannot flood the circuit.
/// </summary>
public sealed partial class OffersPage
{
    private OffersFeedLease? _lease;
    private ITimer? _renderTimer;
    private OfferActivity _activity = OfferActivity.Initial;
    private IReadOnlyDictionary<string, string> _names = new Dictionary<string, string>();
    private string? _commandError;
    private bool _busy;

    [Inject]
    private OffersFeedRegistry Registry { get; set; } = default!;

    protected override void OnInitialized()
    {
        base.OnInitialized();
        Watch();
        _renderTimer = Time.CreateTimer(_ => _ = InvokeAsync(RenderIfChanged), null, RenderInterval, RenderInterval);
    }

    protected override void OnSnapshot(ClusterSnapshot snapshot) =>
        _names = snapshot.Frameworks.Values.ToDictionary(f => f.Id, f => f.Name ?? "", StringComparer.Ordinal);

    protected override void OnClusterChanged()
    {
        var old = _lease;
        _lease = null;
        _ = old?.DisposeAsync().AsTask();
        _commandError = null;
        Watch();
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

    private void Watch()
    {
        _lease = Registry.Watch(Cluster);
        _activity = _lease.Feed.Current;
    }

    private void RenderIfChanged()
    {
        if (_lease?.Feed.Current is { } current && current.Version != _activity.Version)
        {
            _activity = current;
            StateHasChanged();
        }
    }

    private async Task SendAsync(string path)
    {
        _busy = true;
        _commandError = null;
        try
        {
            _commandError = await AllocatorExtension.SendAsync(Cluster, path, CancellationToken.None);
        }
        finally
        {
            _busy = false;
        }
    }
}
