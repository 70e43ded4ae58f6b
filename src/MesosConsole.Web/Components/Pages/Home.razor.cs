using MesosConsole.Web.Model;
using Microsoft.AspNetCore.Components;

namespace MesosConsole.Web.Components.Pages;

/// <summary>The cluster's health at a glance, refreshed every two seconds through the operator API.</summary>
public sealed partial class Home : IAsyncDisposable
{
    [Inject]
    private ClusterOverviewViewModel ViewModel { get; set; } = default!;

    private ClusterOverviewState State => ViewModel.State;

    protected override async Task OnInitializedAsync()
    {
        ViewModel.Changed += OnChangedAsync;
        await ViewModel.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        ViewModel.Changed -= OnChangedAsync;
        await ViewModel.StopAsync();
    }

    private Task OnChangedAsync() => InvokeAsync(StateHasChanged);
}
