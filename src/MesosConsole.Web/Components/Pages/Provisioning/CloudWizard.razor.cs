using MesosConsole.Data.Provisioning;
using MesosConsole.Provisioning.Cloud;
using MesosConsole.Provisioning.Cloud.Credentials;
using MesosConsole.Web.Access;
using Microsoft.AspNetCore.Components;

namespace MesosConsole.Web.Components.Pages.Provisioning;

/// <summary>
/// The provisioning wizard, the same four steps on every cloud: account and region → machines →
/// access (key pair, the one network allowed in, tags) → dry run, then launch with the instances'
/// states followed live. Each step's fields are validated before the next; nothing typed is lost on
/// an error. Secrets typed here are stored encrypted at once and the fields are cleared.
/// </summary>
public sealed partial class CloudWizard : IDisposable
{
    private static readonly string[] StepTitles = ["Account and region", "Machines", "Access", "Check and launch"];

    private static readonly string[][] StepFields =
    [
        [nameof(LaunchPlan.Region)],
        [nameof(LaunchPlan.ClusterName), nameof(LaunchPlan.ImageId), nameof(LaunchPlan.MasterType), nameof(LaunchPlan.AgentType), nameof(LaunchPlan.MasterCount), nameof(LaunchPlan.AgentCount)],
        [nameof(LaunchPlan.KeyName), nameof(LaunchPlan.AllowedCidr), nameof(LaunchPlan.Tags)],
    ];

    private const string SelectStyle = "width:100%;padding:6px;border:1px solid var(--mud-palette-lines-inputs);border-radius:4px";

    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, string> _errors = [];
    private LaunchPlan _plan = new();
    private IReadOnlyList<CredentialListing> _credentials = [];
    private Guid? _credentialId;
    private IReadOnlyList<CloudChoice> _images = [];
    private IReadOnlyList<CloudChoice> _flavors = [];
    private IReadOnlyList<CloudChoice> _externalNetworks = [];
    private IReadOnlyList<CloudChoice> _keyPairChoices = [];
    private int _step;
    private bool _busy;
    private string? _error;
    private string _newName = "";
    private string _newAccessKeyId = "";
    private string _newSecret = "";
    private string _osAuthUrl = "";
    private string _osCredentialId = "";
    private string _osProject = "";
    private string _osDomain = "Default";
    private string _newKeyName = "";
    private string _importPublicKey = "";
    private string? _createdPrivateKey;
    private string _tagsText = "";
    private Guid? _checkedRequestId;
    private LaunchProgress? _progress;
    private ProvisioningRequest? _result;

    [Parameter, EditorRequired]
    public CloudProvider Provider { get; set; }

    /// <summary>Raised when a request was checked, launched or failed, so the page refreshes its list.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    [Inject]
    private CredentialVault Vault { get; set; } = default!;

    [Inject]
    private CloudProvisioner Provisioner { get; set; } = default!;

    [Inject]
    private ConsoleUserName User { get; set; } = default!;

    [Inject]
    private ICloudGatewayFactory Gateways { get; set; } = default!;

    private bool IsEc2 => Provider == CloudProvider.Ec2;

    private CloudTarget Target => new(Provider, _plan.Region.Trim(), _credentialId);

    private string ExternalNetworkName => _externalNetworks.FirstOrDefault(n => n.Id == _plan.ExternalNetworkId)?.Name ?? _plan.ExternalNetworkId ?? "";

    protected override async Task OnInitializedAsync()
    {
        _plan = new LaunchPlan { Provider = Provider, Region = IsEc2 ? "us-east-1" : "" };
        _credentials = await Vault.ListAsync(Provider, _stop.Token);
        _credentialId = _credentials.Count > 0 ? _credentials[0].Id : null;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private bool HasError(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private void OnCredentialChosen(ChangeEventArgs e) =>
        _credentialId = Guid.TryParse(e.Value as string, out var id) ? id : null;

    private async Task SaveCredentialAsync() => await RunAsync(async () =>
    {
        CredentialListing saved;
        if (IsEc2)
        {
            if (string.IsNullOrWhiteSpace(_newAccessKeyId) || string.IsNullOrWhiteSpace(_newSecret))
            {
                throw new CloudOperationException("Give both the access key id and its secret.", "Incomplete");
            }

            saved = await Vault.SaveAsync(_newName, new Ec2Secret(_newAccessKeyId.Trim(), _newSecret.Trim()), _stop.Token);
        }
        else
        {
            if (!Uri.TryCreate(_osAuthUrl.Trim(), UriKind.Absolute, out var auth) || auth.Scheme is not ("http" or "https"))
            {
                throw new CloudOperationException("Give the Keystone URL, e.g. https://js2.jetstream-cloud.org:5000/v3.", "Incomplete");
            }

            if (string.IsNullOrWhiteSpace(_osCredentialId) || string.IsNullOrWhiteSpace(_newSecret))
            {
                throw new CloudOperationException("Give the application credential id and secret (or a user name and password with a project).", "Incomplete");
            }

            var byPassword = !string.IsNullOrWhiteSpace(_osProject);
            saved = await Vault.SaveAsync(_newName, new OpenStackSecret
            {
                AuthUrl = auth.ToString(),
                Method = byPassword ? OpenStackAuthMethod.Password : OpenStackAuthMethod.ApplicationCredential,
                UserName = byPassword ? _osCredentialId.Trim() : null,
                Password = byPassword ? _newSecret : null,
                ProjectName = byPassword ? _osProject.Trim() : null,
                UserDomain = _osDomain.Trim(),
                ProjectDomain = _osDomain.Trim(),
                ApplicationCredentialId = byPassword ? null : _osCredentialId.Trim(),
                ApplicationCredentialSecret = byPassword ? null : _newSecret,
            }, _stop.Token);
        }

        // The secret leaves the page as soon as it is stored.
        _newSecret = "";
        _newAccessKeyId = "";
        _newName = "";
        _credentials = await Vault.ListAsync(Provider, _stop.Token);
        _credentialId = saved.Id;
    });

    private async Task NextAsync()
    {
        if (!ValidateStep(_step))
        {
            return;
        }

        await RunAsync(async () =>
        {
            if (_step == 0 && !IsEc2)
            {
                var gateway = await Gateways.CreateAsync(Target, _stop.Token);
                using (gateway as IDisposable)
                {
                    _images = await gateway.ListImagesAsync(_stop.Token);
                    _flavors = await gateway.ListMachineTypesAsync(_stop.Token);
                    _externalNetworks = await gateway.ListExternalNetworksAsync(_stop.Token);
                }
            }
            else if (_step == 1)
            {
                await LoadKeyPairsAsync();
            }

            _step++;
        });
    }

    private void Back()
    {
        _checkedRequestId = null;
        _error = null;
        _step--;
    }

    private async Task CreateKeyPairAsync() => await RunAsync(async () =>
    {
        var name = RequireNewKeyName();
        var gateway = await Gateways.CreateAsync(Target, _stop.Token);
        using (gateway as IDisposable)
        {
            _createdPrivateKey = await gateway.CreateKeyPairAsync(name, _stop.Token);
        }

        await PickNewKeyPairAsync(name);
    });

    private async Task ImportKeyPairAsync() => await RunAsync(async () =>
    {
        var name = RequireNewKeyName();
        if (!_importPublicKey.TrimStart().StartsWith("ssh-", StringComparison.Ordinal) && !_importPublicKey.TrimStart().StartsWith("ecdsa-", StringComparison.Ordinal))
        {
            throw new CloudOperationException("Paste an OpenSSH public key (the .pub file: ssh-ed25519 AAAA… or ssh-rsa AAAA…), never the private key.", "BadPublicKey");
        }

        var gateway = await Gateways.CreateAsync(Target, _stop.Token);
        using (gateway as IDisposable)
        {
            await gateway.ImportKeyPairAsync(name, _importPublicKey, _stop.Token);
        }

        await PickNewKeyPairAsync(name);
        _importPublicKey = "";
    });

    private async Task CheckAsync()
    {
        for (var step = 0; step < StepFields.Length; step++)
        {
            if (!ValidateStep(step))
            {
                _step = step;
                return;
            }
        }

        await RunAsync(async () =>
        {
            _checkedRequestId = await Provisioner.CheckAsync(Target, _plan, await User.GetAsync(), _stop.Token);
            await Changed.InvokeAsync();
        });
    }

    private async Task LaunchAsync()
    {
        if (_checkedRequestId is not { } requestId)
        {
            return;
        }

        _error = null;
        _progress = new LaunchProgress("Starting", []);
        // Not tied to this page: a launch that started must finish recording its instances even if the user leaves.
        _result = await Provisioner.LaunchAsync(requestId, p => _ = InvokeAsync(() =>
        {
            _progress = p;
            StateHasChanged();
        }), CancellationToken.None);
        _progress = new LaunchProgress(_result.State == ProvisioningState.Running ? "Running" : "Launch failed", _result.Instances);
        _error = _result.Error;
        _checkedRequestId = null;
        await Changed.InvokeAsync();
    }

    private async Task LoadKeyPairsAsync()
    {
        var gateway = await Gateways.CreateAsync(Target, _stop.Token);
        using (gateway as IDisposable)
        {
            _keyPairChoices = [.. (await gateway.ListKeyPairsAsync(_stop.Token)).Select(k => new CloudChoice(k.Name, k.Fingerprint is null ? k.Name : $"{k.Name} ({k.Fingerprint})"))];
        }
    }

    /// <summary>
    /// Selects the key pair just made. EC2's listings are eventually consistent, so the new pair may not
    /// be listed yet: it is added to the choices, or the picker would show none while the plan holds it.
    /// </summary>
    private async Task PickNewKeyPairAsync(string name)
    {
        await LoadKeyPairsAsync();
        if (!_keyPairChoices.Any(k => k.Id == name))
        {
            _keyPairChoices = [.. _keyPairChoices, new CloudChoice(name, name)];
        }

        _plan.KeyName = name;
    }

    private string RequireNewKeyName() =>
        string.IsNullOrWhiteSpace(_newKeyName)
            ? throw new CloudOperationException("Give the new key pair a name.", "Incomplete")
            : _newKeyName.Trim();

    /// <summary>Shows the errors of one step's fields; true when it has none.</summary>
    private bool ValidateStep(int step)
    {
        _plan.Provider = Provider;
        _plan.Region = _plan.Region.Trim();
        var tagErrors = ParseTags();
        var errors = LaunchPlanValidator.Validate(_plan).Concat(tagErrors).Where(e => StepFields[step].Contains(e.Field)).ToList();
        foreach (var field in StepFields[step])
        {
            _errors.Remove(field);
        }

        foreach (var error in errors)
        {
            _errors.TryAdd(error.Field, error.Message);
        }

        return errors.Count == 0;
    }

    private List<PlanFieldError> ParseTags()
    {
        var errors = new List<PlanFieldError>();
        _plan.Tags = [];
        foreach (var line in _tagsText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                errors.Add(new PlanFieldError(nameof(LaunchPlan.Tags), $"'{line}' is not key=value."));
                continue;
            }

            _plan.Tags[line[..equals].Trim()] = line[(equals + 1)..].Trim();
        }

        return errors;
    }

    /// <summary>Runs a cloud action with the buttons disabled; a refusal is shown in plain words and nothing typed is lost.</summary>
    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        _error = null;
        try
        {
            await action();
        }
        catch (CloudOperationException e)
        {
            _error = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
