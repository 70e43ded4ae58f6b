using MesosConsole.Provisioning.Hpc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MesosConsole.Provisioning.Ansible;

public static class DeploymentServiceCollectionExtensions
{
    /// <summary>Ansible deployment (inventory builder, ansible-playbook runner, run records) and the HPC script generator.</summary>
    public static IServiceCollection AddDeployment(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnsibleOptions>()
            .Bind(configuration.GetSection(AnsibleOptions.SectionName))
            .PostConfigure<IHostEnvironment>((options, environment) =>
                options.PlaybookDirectory = Path.GetFullPath(options.PlaybookDirectory, environment.ContentRootPath));
        services.TryAddSingleton<IAnsibleRunner, AnsiblePlaybookRunner>();
        services.TryAddSingleton<DeploymentService>();
        services.TryAddSingleton<SlurmScriptGenerator>();
        return services;
    }
}
