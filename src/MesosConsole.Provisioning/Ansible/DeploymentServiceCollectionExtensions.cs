using MesosConsole.Provisioning.Hpc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MesosConsole.Provisioning.Ansible;

public static class DeploymentServiceCollectionExtensions
{
    /// <summary>Ansible deployment (ansible-playbook runner, the background owner of runs, run records) and the HPC script generator.</summary>
    public static IServiceCollection AddDeployment(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnsibleOptions>()
            .Bind(configuration.GetSection(AnsibleOptions.SectionName))
            .PostConfigure<IHostEnvironment>((options, environment) =>
                options.PlaybookDirectory = Path.GetFullPath(options.PlaybookDirectory, environment.ContentRootPath));
        services.TryAddSingleton<IAnsibleRunner, AnsiblePlaybookRunner>();
        services.TryAddSingleton<DeploymentRunStore>();
        services.TryAddSingleton<DeployableRequests>();
        // Needs an IDeployedClusterSink, which the host provides (the web host's cluster chooser).
        services.TryAddSingleton<DeploymentRunner>();
        // Added after AddConsoleDatabase's migrator (inserted first), so the schema exists when it starts.
        services.AddHostedService<DeploymentRunsLifetime>();
        services.TryAddSingleton<SlurmScriptGenerator>();
        return services;
    }
}
