using System.Net;
using MesosConsole.Provisioning.Cloud;
using MesosConsole.Provisioning.Cloud.Credentials;
using MesosConsole.Web;
using MesosConsole.Web.Components.Pages.Provisioning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MesosConsole.Provisioning.Tests.Cloud;

/// <summary>The whole console as Program builds it: the cloud services are wired (options validated at start), the wizard routes exist, and the key folder is made under the content root.</summary>
public sealed class CloudPagesHostingTests
{
    [Fact]
    public async Task Console_WizardRoutes_ServedWithKeysKeptOutsideTheDatabase()
    {
        var root = Directory.CreateTempSubdirectory("mesosconsole-cloud-host-").FullName;
        await using var console = new ConsoleWebApplication(new WebApplicationOptions { ContentRootPath = root, EnvironmentName = "Production" }, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
                ["ConnectionStrings:Console"] = "Data Source=var/console.db;Pooling=False",
                ["Cluster:Mode"] = "Remote",
                ["Cluster:MasterUrls:0"] = "http://127.0.0.1:1",
                ["Cloud:KeysDirectory"] = "var/cloud-keys",
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await console.StartAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri(console.App.Urls.First()) };

        var ec2 = await http.GetAsync("/provision/ec2", TestContext.Current.CancellationToken);

        // Pages are not prerendered: the shell answers, and the wizard's services must resolve from the app's container.
        Assert.Equal(HttpStatusCode.OK, ec2.StatusCode);
        using var scope = console.App.Services.CreateScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<CloudProvisioner>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<CredentialVault>());
        Assert.IsType<CloudGatewayFactory>(scope.ServiceProvider.GetRequiredService<ICloudGatewayFactory>());
        Assert.Equal("/provision/ec2", RouteOf<Ec2WizardPage>());
        Assert.Equal("/provision/openstack", RouteOf<OpenStackWizardPage>());
        var listing = await scope.ServiceProvider.GetRequiredService<CredentialVault>().SaveAsync("k", new Ec2Secret("AKIAHOSTTEST00001234", "s3cr3t-host"), TestContext.Current.CancellationToken);
        Assert.Equal("AKIA…1234", listing.Summary);
        Assert.True(Directory.Exists(Path.Combine(root, "var", "cloud-keys")));
        await console.StopAsync(CancellationToken.None);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }

    private static string? RouteOf<TPage>() =>
        typeof(TPage).GetCustomAttributes(typeof(RouteAttribute), inherit: false).OfType<RouteAttribute>().Single().Template;
}
