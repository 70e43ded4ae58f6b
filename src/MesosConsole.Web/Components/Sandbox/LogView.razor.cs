using System.Globalization;
using MesosConsole.Web.Cluster;
using MesosConsole.Web.Sandbox;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MesosConsole.Web.Components.Sandbox;

/// <summary>
/// The live view of one or more sandbox files (several: a merged view, each line prefixed with its
/// source's label in its colour). Each file comes from the process's shared tailer; rows are held in a
/// <see cref="LogViewModel"/> and rendered through <c>Virtualize</c>, so a long log costs only the rows
/// on screen, and at most ten renders a second. Every line is rendered as text, never as markup.
/// </summary>
public sealed partial class LogView
{
    public static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(100);

    private const string NoWrapStyle = "white-space: pre;";
    private const string WrapStyle = "white-space: pre-wrap; overflow-wrap: anywhere;";
    private const string NoticeStyle = "font-style: italic; opacity: 0.75;";

    private readonly string _elementId = "log-" + Guid.NewGuid().ToString("N");
    private LogViewModel _model = new();
    private TailStatus[] _statuses = [];
    private IReadOnlyList<LogViewSource> _following = [];
    private CancellationTokenSource? _stop;
    private RenderThrottle? _throttle;
    private bool _follow = true;
    private bool _wrap;
    private bool _timestamps;
    private bool _scrollToEnd;

    [Inject]
    private SandboxTailers Tailers { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IScrollManager ScrollManager { get; set; } = default!;

    /// <summary>The cluster the files' agents belong to.</summary>
    [Parameter, EditorRequired]
    public IConsoleCluster Cluster { get; set; } = default!;

    /// <summary>The files to follow; several make a merged view.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<LogViewSource> Sources { get; set; } = [];

    /// <summary>Rows kept in the view at most.</summary>
    [Parameter]
    public int MaxLines { get; set; } = LogViewModel.DefaultMaxLines;

    /// <summary>The rows as rendered (for tests and the page).</summary>
    internal LogViewModel Model => _model;

    protected override void OnInitialized() =>
        _throttle = new RenderThrottle(Time, RenderInterval, InvokeAsync, () =>
        {
            _scrollToEnd = _follow && !_model.Paused;
            StateHasChanged();
        });

    protected override async Task OnParametersSetAsync()
    {
        if (_following.SequenceEqual(Sources) && _stop is not null)
        {
            return;
        }

        await StopAsync();
        _following = [.. Sources];
        _model = new LogViewModel(MaxLines);
        _statuses = [.. _following.Select(_ => TailStatus.Starting)];
        _stop = new CancellationTokenSource();
        for (var i = 0; i < _following.Count; i++)
        {
            _ = FollowAsync(i, _following[i], _stop.Token);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_scrollToEnd)
        {
            _scrollToEnd = false;
            await ScrollManager.ScrollToBottomAsync("#" + _elementId, ScrollBehavior.Auto);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _throttle?.Dispose();
        await StopAsync();
    }

    private async Task FollowAsync(int index, LogViewSource source, CancellationToken cancellationToken)
    {
        try
        {
            // Off the renderer's thread: the feed's first step joins (or starts) the shared tailer.
            await Task.Yield();
            await foreach (var batch in Tailers.Follow(Cluster, source.AgentId, source.Path).WithCancellation(cancellationToken))
            {
                await InvokeAsync(() =>
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        return;
                    }

                    // The feed opens with the status alone; nothing to show for that until it changes.
                    if (batch.Lines.Count == 0 && batch.Skipped == 0 && batch.Status == _statuses[index])
                    {
                        return;
                    }

                    _model.Append(index, batch);
                    _statuses[index] = batch.Status;
                    _throttle?.Request();
                });
            }
        }
        catch (SandboxException ex)
        {
            await InvokeAsync(() =>
            {
                _statuses[index] = new TailStatus(TailState.Unreachable, ex.Message);
                _throttle?.Request();
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The view went away or now follows other files.
        }
    }

    private async Task StopAsync()
    {
        if (_stop is null)
        {
            return;
        }

        await _stop.CancelAsync();
        _stop.Dispose();
        _stop = null;
    }

    private void Pause() => _model.Pause();

    private void Resume()
    {
        _model.Resume();
        _scrollToEnd = _follow;
    }

    private void SetFollow(bool follow)
    {
        _follow = follow;
        _scrollToEnd = follow;
    }

    private void SetSearch(string? term) => _model.SetSearch(term);

    private async Task JumpToHeadAsync()
    {
        // Looking at the top means not being dragged back to the bottom by the next line.
        _follow = false;
        await ScrollManager.ScrollToTopAsync("#" + _elementId, ScrollBehavior.Auto);
    }

    private async Task JumpToTailAsync() => await ScrollManager.ScrollToBottomAsync("#" + _elementId, ScrollBehavior.Auto);

    private string DownloadUrl(LogViewSource source) => SandboxDownloadEndpoint.UrlFor(Cluster.Info.Id, source.AgentId, source.Path);

    private string RowStyle(LogEntry entry) =>
        (_wrap ? WrapStyle : NoWrapStyle) + (entry.Kind == LogEntryKind.Line ? "" : NoticeStyle);

    private static string TimeOf(LogEntry entry) => entry.ReceivedAt.ToString("HH:mm:ss.fff ", CultureInfo.InvariantCulture);

    private bool HasPrefix(LogEntry entry) => Sources.Count > 1 && entry.Source >= 0 && entry.Source < _following.Count;

    private string PrefixOf(LogEntry entry) => $"[{_following[entry.Source].Label}] ";

    private static string PrefixStyle(LogEntry entry) => $"color: {LogViewSource.ColorOf(entry.Source)}; font-weight: 600";

    private static string RowTestId(LogEntry entry) => entry.Kind switch
    {
        LogEntryKind.Skipped => "log-skipped",
        LogEntryKind.Notice => "log-notice",
        _ => "log-line",
    };
}
