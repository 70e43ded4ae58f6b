using Bunit;
using MesosConsole.Provisioning.Cloud;
using MesosConsole.Web.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace MesosConsole.Provisioning.Tests.Support;

/// <summary>
/// bUnit setup for the provisioning pages: MudBlazor as in the console's own component tests, and the
/// console's real cloud services (vault, provisioner) over a real SQLite file, with either a
/// <see cref="CloudFakeGateway"/> (page tests) or the real AWS SDK against <see cref="Ec2TestEndpoint"/>.
/// </summary>
public abstract class CloudComponentTest : BunitContext, IAsyncLifetime
{
    private readonly bool _realEc2;

    protected CloudComponentTest(bool realEc2 = false)
    {
        _realEc2 = realEc2;
        DefaultWaitTimeout = TimeSpan.FromSeconds(20);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
        // The wizard records who asked for a launch: the signed-in name.
        this.AddAuthorization().SetAuthorized(UserName);
        Services.AddSingleton(Options.Create(new AccessOptions { Mode = nameof(AccessMode.Token) }));
        Services.AddScoped<ConsoleUserName>();
    }

    protected const string UserName = "grace";

    protected CloudFakeGateway Cloud { get; } = new();

    protected FakeTimeProvider Time { get; } = new(CloudTestServices.Start);

    protected CloudRecordingLoggerProvider Logs { get; } = new();

    protected CloudTestDatabase Database { get; private set; } = default!;

    protected Ec2TestEndpoint? Ec2 { get; private set; }

    protected CloudProvisioner Provisioner => Services.GetRequiredService<CloudProvisioner>();

    public async ValueTask InitializeAsync()
    {
        Database = await CloudTestDatabase.CreateAsync();
        if (_realEc2)
        {
            Ec2 = await Ec2TestEndpoint.StartAsync();
        }
        else
        {
            Services.AddSingleton<ICloudGatewayFactory>(Cloud);
        }

        Services.AddCloudTestServices(Database, Ec2?.Url, Time, Logs);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Database?.Dispose();
        if (Ec2 is not null)
        {
            await Ec2.DisposeAsync();
        }
    }

    /// <summary>Types into a MudBlazor text or numeric field found by its data-testid (the change event, as on leaving the field).</summary>
    protected static void Type<T>(IRenderedComponent<T> page, string testId, string value)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        page.Find($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input").Change(value);
}
