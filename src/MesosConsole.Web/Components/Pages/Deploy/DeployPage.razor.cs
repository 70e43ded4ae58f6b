using MesosConsole.Data.Deployments;
using MesosConsole.Data.Provisioning;
using MesosConsole.Provisioning.Ansible;
using MesosConsole.Web.Access;
using MesosConsole.Web.Cluster;
using MesosConsole.Web.Model;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MesosConsole.Web.Components.Pages.Deploy;

/// <summary>
/// The deploy wizard: hosts (typed in, or a provisioning request's instances), settings, the generated
/// inventory and variables, then a live run of ansible-playbook grouped per task and host, with the
/// recap as a table. A successful run adds the new cluster to the chooser. The run belongs to this page:
/// leaving it cancels the run (recorded as cancelled).
/// </summary>
public sealed partial class DeployPage
{
    private static readonly (string Label, string Field)[] PortFields =
    [
        ("ZooKeeper port", nameof(DeploymentSettings.ZooKeeperPort)), ("Master port", nameof(DeploymentSettings.MasterPort)),
        ("Agent port", nameof(DeploymentSettings.AgentPort)), ("Marathon port", nameof(DeploymentSettings.MarathonPort)),
        ("Chronos port", nameof(DeploymentSettings.ChronosPort)), ("Aurora port", nameof(DeploymentSettings.AuroraPort)),
    ];

    private readonly DeploymentSettings _settings = new();
    private readonly CancellationTokenSource _pageGone = new();
    private HostSource _source = HostSource.Typed;
    private string _typedHosts = "";
    private IReadOnlyList<ProvisioningRequest> _requests = [];
    private Guid? _requestId;
    private IReadOnlyList<string> _skipped = [];
    private IReadOnlyList<FieldError> _errors = [];
    private DeploymentPlan? _plan;
    private AnsibleRunProgress? _progress;
    private CancellationTokenSource? _run;
    private bool _running;
    private int _renderPending;
    private DeploymentOutcome? _outcome;
    private string? _clusterId;
    private string? _clusterError;

    /// <summary>A provisioning request to deploy onto (the provisioning wizards link here with it).</summary>
    [SupplyParameterFromQuery(Name = "request")]
    public string? Request { get; set; }

    [Inject]
    private DeploymentService Deployments { get; set; } = default!;

    [Inject]
    private IClusterCatalog Catalog { get; set; } = default!;

    [Inject]
    private ClusterSelection Selection { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ConsoleUserName User { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _requests = await Deployments.ProvisioningRequestsAsync(_pageGone.Token);
        if (Request is { Length: > 0 } requested)
        {
            _source = HostSource.Provisioned;
            if (Guid.TryParse(requested, out var id) && _requests.Any(r => r.Id == id))
            {
                _requestId = id;
            }
            else
            {
                _errors = [new("Hosts.Request", $"There is no provisioning request \"{requested}\" with instances; pick one below.")];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _pageGone.CancelAsync();
        if (_run is { } run)
        {
            await run.CancelAsync();
        }

        _pageGone.Dispose();
    }

    private void SourceChanged(HostSource source)
    {
        _source = source;
        _plan = null;
    }

    private Task PreviewAsync()
    {
        _plan = null;
        _outcome = null;
        var (hosts, hostErrors) = ReadHosts();
        var (plan, errors) = DeploymentPlan.Create(hosts, _settings, _source == HostSource.Provisioned ? _requestId : null);
        _errors = [.. hostErrors, .. errors];
        _plan = _errors.Count == 0 ? plan : null;
        return Task.CompletedTask;
    }

    private (IReadOnlyList<DeploymentHost> Hosts, IReadOnlyList<FieldError> Errors) ReadHosts()
    {
        if (_source == HostSource.Typed)
        {
            var (hosts, errors) = TypedHostsParser.Parse(_typedHosts);
            _skipped = [];
            return (hosts, [.. errors.Select(e => new FieldError("Hosts.Typed", e))]);
        }

        if (_requests.FirstOrDefault(r => r.Id == _requestId) is not { } request)
        {
            return ([], [new FieldError("Hosts.Request", "Pick the provisioning request whose instances to deploy onto.")]);
        }

        var (provisioned, skipped) = ProvisionedHosts.From(request);
        _skipped = skipped;
        return (provisioned, []);
    }

    private async Task RunAsync()
    {
        if (_plan is not { } plan || _running)
        {
            return;
        }

        _progress = new AnsibleRunProgress();
        _outcome = null;
        _clusterId = null;
        _clusterError = null;
        _run = CancellationTokenSource.CreateLinkedTokenSource(_pageGone.Token);
        _running = true;
        try
        {
            _outcome = await Deployments.RunAsync(plan, await User.GetAsync(), _progress, _ => RequestRender(), _run.Token);
            if (_outcome.Result == DeploymentResult.Succeeded)
            {
                await AddClusterAsync(plan, _outcome.RunId);
            }
        }
        finally
        {
            _running = false;
            _run.Dispose();
            _run = null;
        }
    }

    private async Task AddClusterAsync(DeploymentPlan plan, Guid runId)
    {
        try
        {
            var cluster = await Catalog.AddAsync(plan.ClusterName, plan.MasterUrls, _pageGone.Token, runId);
            await Deployments.SetClusterAsync(runId, cluster.Info.Id, _pageGone.Token);
            _clusterId = cluster.Info.Id;
        }
        catch (ArgumentException e)
        {
            // A cluster of that name exists already, say: the deployment stands, the chooser is told by hand.
            _clusterError = "The cluster was deployed but not added to the chooser: " + e.Message.Split(" (Parameter", 2)[0];
        }
    }

    private async Task CancelAsync()
    {
        if (_run is { } run)
        {
            await run.CancelAsync();
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

    private IEnumerable<(string Label, PackageSource Source, bool Optional)> Sources() =>
    [
        ("Mesos", _settings.Mesos, false), ("Marathon", _settings.Marathon, true),
        ("Chronos", _settings.Chronos, true), ("Aurora", _settings.Aurora, true),
    ];

    private static string Field(PackageSource source) => char.ToUpperInvariant(source.Component[0]) + source.Component[1..];

    private bool HasError(string field) => _errors.Any(e => e.Field == field);

    private string? ErrorOf(string field) =>
        HasError(field) ? string.Join(" ", _errors.Where(e => e.Field == field).Select(e => e.Message)) : null;

    private int Port(string field) => field switch
    {
        nameof(DeploymentSettings.ZooKeeperPort) => _settings.ZooKeeperPort,
        nameof(DeploymentSettings.MasterPort) => _settings.MasterPort,
        nameof(DeploymentSettings.AgentPort) => _settings.AgentPort,
        nameof(DeploymentSettings.MarathonPort) => _settings.MarathonPort,
        nameof(DeploymentSettings.ChronosPort) => _settings.ChronosPort,
        _ => _settings.AuroraPort,
    };

    private void SetPort(string field, int value)
    {
        switch (field)
        {
            case nameof(DeploymentSettings.ZooKeeperPort): _settings.ZooKeeperPort = value; break;
            case nameof(DeploymentSettings.MasterPort): _settings.MasterPort = value; break;
            case nameof(DeploymentSettings.AgentPort): _settings.AgentPort = value; break;
            case nameof(DeploymentSettings.MarathonPort): _settings.MarathonPort = value; break;
            case nameof(DeploymentSettings.ChronosPort): _settings.ChronosPort = value; break;
            default: _settings.AuroraPort = value; break;
        }
    }

    private static Color StatusColor(HostStatus status) => status switch
    {
        HostStatus.Ok => Color.Success,
        HostStatus.Changed => Color.Warning,
        HostStatus.Skipping => Color.Default,
        _ => Color.Error,
    };

    private static string StatusText(HostStatus status) => status.ToString().ToLowerInvariant();

    private static string OutcomeText(DeploymentOutcome outcome) => outcome.Result switch
    {
        DeploymentResult.Succeeded => "The deployment succeeded.",
        DeploymentResult.Cancelled => "The run was cancelled; ansible-playbook and everything it started were stopped.",
        _ when outcome.ExitCode is null => "ansible-playbook could not run; the output above says why.",
        _ => $"The deployment failed (ansible-playbook exited with {outcome.ExitCode}); the failed tasks are marked above.",
    };
}
