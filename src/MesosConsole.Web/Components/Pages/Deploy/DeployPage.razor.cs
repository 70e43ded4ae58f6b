using MesosConsole.Data.Provisioning;
using MesosConsole.Provisioning.Ansible;
using MesosConsole.Web.Access;
using MesosConsole.Web.Model;
using Microsoft.AspNetCore.Components;

namespace MesosConsole.Web.Components.Pages.Deploy;

/// <summary>
/// The deploy wizard: the playbook (site.yml for a Mesos cluster, local.yml for MesosConsole's local
/// cluster), its hosts (typed in, or a provisioning request's instances) and settings, and the generated
/// inventory and variables. Run hands the plan to the <see cref="DeploymentRunner"/>, which owns the run
/// from then on, and opens the run's page; leaving either page does not stop the run.
/// </summary>
public sealed partial class DeployPage : IDisposable
{
    private static readonly (string Label, string Field)[] PortFields =
    [
        ("ZooKeeper port", nameof(DeploymentSettings.ZooKeeperPort)), ("Master port", nameof(DeploymentSettings.MasterPort)),
        ("Agent port", nameof(DeploymentSettings.AgentPort)), ("Marathon port", nameof(DeploymentSettings.MarathonPort)),
        ("Chronos port", nameof(DeploymentSettings.ChronosPort)), ("Aurora port", nameof(DeploymentSettings.AuroraPort)),
    ];

    private readonly DeploymentSettings _settings = new();
    private readonly LocalClusterSettings _local = new();
    private readonly CancellationTokenSource _pageGone = new();
    private string _playbook = DeploymentPlan.SitePlaybook;
    private HostSource _source = HostSource.Typed;
    private string _typedHosts = "";
    private IReadOnlyList<ProvisioningRequest> _requests = [];
    private Guid? _requestId;
    private IReadOnlyList<string> _skipped = [];
    private IReadOnlyList<FieldError> _errors = [];
    private DeploymentPlan? _plan;
    private bool _starting;
    private string? _runError;

    /// <summary>A provisioning request to deploy onto (the provisioning wizards link here with it).</summary>
    [SupplyParameterFromQuery(Name = "request")]
    public string? Request { get; set; }

    [Inject]
    private DeployableRequests DeployableRequests { get; set; } = default!;

    [Inject]
    private DeploymentRunner Runner { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ConsoleUserName User { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _requests = await DeployableRequests.ListAsync(_pageGone.Token);
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

    public void Dispose()
    {
        _pageGone.Cancel();
        _pageGone.Dispose();
    }

    private void PlaybookChanged(string playbook)
    {
        _playbook = playbook;
        _plan = null;
        _errors = [];
        _runError = null;
    }

    private void SourceChanged(HostSource source)
    {
        _source = source;
        _plan = null;
    }

    private Task PreviewAsync()
    {
        _plan = null;
        _runError = null;
        if (_playbook == DeploymentPlan.LocalPlaybook)
        {
            var (localPlan, localErrors) = DeploymentPlan.CreateLocal(_local);
            _errors = localErrors;
            _plan = localPlan;
            return Task.CompletedTask;
        }

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

    /// <summary>Starts the run in the background and opens its page; the form stays as typed if it cannot start.</summary>
    private async Task RunAsync()
    {
        if (_plan is not { } plan || _starting)
        {
            return;
        }

        _starting = true;
        _runError = null;
        try
        {
            var runId = await Runner.StartAsync(plan, await User.GetAsync(), _pageGone.Token);
            Navigation.NavigateTo(ConsoleLinks.DeployRun(runId));
        }
        catch (DeploymentRefusedException e)
        {
            _runError = e.Message;
        }
        finally
        {
            _starting = false;
        }
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
}
