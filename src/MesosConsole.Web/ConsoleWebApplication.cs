using MesosConsole.Data;
using MesosConsole.Web.Access;
using MesosConsole.LocalCluster.Hosting;
using MesosConsole.Provisioning.Ansible;
using MesosConsole.Provisioning.Cloud;
using MesosConsole.Web.Offers;
using MesosConsole.Web.Sandbox;
using MesosConsole.Web.Cluster;
using MesosConsole.Web.Components;
using MesosConsole.Web.Deployments;
using MesosConsole.Web.Configuration;
using MesosConsole.Web.Hosting;
using MesosConsole.Web.Hubs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace MesosConsole.Web;

/// <summary>
/// The web host's composition root: every service and the request pipeline, wired in one place.
/// Registrations use TryAdd, and <c>preConfigureBuilder</c> runs before them, so a test registers a
/// fake (an <see cref="Mesos.Client.IMesosOperatorClient"/>, a <see cref="TimeProvider"/>, a
/// locator) or adds configuration there and the fake wins. This is also the only code that knows
/// the embedded cluster exists: it starts it in <c>Embedded</c> mode and tells the connection where it is.
/// </summary>
public sealed class ConsoleWebApplication : IAsyncDisposable
{
    /// <summary>The connection string (<c>ConnectionStrings:Console</c>) of the console's SQLite database.</summary>
    public const string ConsoleDatabaseName = "Console";

    /// <summary>Relative to the content root (the repository when run with <c>dotnet run</c>).</summary>
    public const string DefaultConsoleDatabase = "Data Source=var/mesosconsole.db";

    public ConsoleWebApplication(string[] args, Action<WebApplicationBuilder>? preConfigureBuilder = null)
        : this(new WebApplicationOptions { Args = args }, preConfigureBuilder)
    {
    }

    public ConsoleWebApplication(WebApplicationOptions options, Action<WebApplicationBuilder>? preConfigureBuilder = null)
    {
        var builder = WebApplication.CreateBuilder(WithWebProjectName(options));
        preConfigureBuilder?.Invoke(builder);
        ConfigureServices(builder);
        App = builder.Build();
        ConfigurePipeline(App);
    }

    public WebApplication App { get; }

    public Task StartAsync(CancellationToken cancellationToken = default) => App.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => App.StopAsync(cancellationToken);

    public Task RunAsync() => App.RunAsync();

    public ValueTask DisposeAsync() => App.DisposeAsync();

    private static void ConfigureServices(WebApplicationBuilder builder)
    {
        // The build output's manifest of static web assets (MudBlazor's _content, blazor.web.js) is
        // used in every environment, since the content root is the repository, not a publish folder.
        builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.TryAddSingleton(TimeProvider.System);

        if (ReadMode(builder.Configuration) == ClusterMode.Embedded)
        {
            services.AddLocalCluster(builder.Configuration);
            services.TryAddSingleton<IMasterLocator, EmbeddedMasterLocator>();
        }

        services.AddConsoleDatabase(
            builder.Configuration.GetConnectionString(ConsoleDatabaseName) ?? DefaultConsoleDatabase,
            builder.Environment.ContentRootPath);
        services.AddConsoleAccess(builder.Configuration);
        services.AddClusterConnection(builder.Configuration);
        services.AddClusterState();
        services.AddClusterHub();
        services.AddSandbox();
        services.AddOffers();
        services.AddCloudProvisioning(builder.Configuration);
        // A successful deployment's cluster goes to the chooser (the runner lives in Provisioning, which knows no UI).
        services.TryAddSingleton<IDeployedClusterSink, CatalogDeployedClusterSink>();
        services.AddDeployment(builder.Configuration);
        services.AddConsoleDefaults();
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // The repository-root wwwroot/ (operator-facing assets); MapStaticAssets serves the build's manifest.
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        // Every page, the hub and the download endpoints need the same policy (open, or the access token).
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization(AccessServiceCollectionExtensions.ConsoleUserPolicy);
        app.MapClusterHub().RequireAuthorization(AccessServiceCollectionExtensions.ConsoleUserPolicy);
        app.MapSandboxDownload().RequireAuthorization(AccessServiceCollectionExtensions.ConsoleUserPolicy);
        app.MapSignIn();
        app.MapConsoleDefaultEndpoints();
    }

    /// <summary>
    /// The mode decides which services exist, so it is read before options are validated. A mode
    /// that is not valid starts nothing here; <see cref="ClusterOptionsValidator"/> then stops start-up
    /// with every configuration error listed.
    /// </summary>
    private static ClusterMode? ReadMode(IConfiguration configuration)
    {
        var options = new ClusterOptions();
        configuration.GetSection(ClusterOptions.SectionName).Bind(options);
        return options.TryGetMode(out var mode) ? mode : null;
    }

    /// <summary>
    /// Static web assets and Razor components are found by the web project's name, which would
    /// otherwise be the entry assembly's (a test host, when tests build the app).
    /// </summary>
    private static WebApplicationOptions WithWebProjectName(WebApplicationOptions options) => new()
    {
        Args = options.Args,
        ApplicationName = options.ApplicationName ?? typeof(ConsoleWebApplication).Assembly.GetName().Name,
        ContentRootPath = options.ContentRootPath,
        EnvironmentName = options.EnvironmentName,
        WebRootPath = options.WebRootPath,
    };

    /// <summary>Embedded mode: the leader is the master the hosted embedded cluster started.</summary>
    private sealed class EmbeddedMasterLocator(LocalClusterHostedService localCluster) : IMasterLocator
    {
        public async Task<Uri> LocateAsync(CancellationToken cancellationToken) =>
            (await localCluster.Started.WaitAsync(cancellationToken)).MasterUrl;
    }
}
