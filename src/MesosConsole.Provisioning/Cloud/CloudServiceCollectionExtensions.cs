using MesosConsole.Provisioning.Cloud.Credentials;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MesosConsole.Provisioning.Cloud;

public static class CloudServiceCollectionExtensions
{
    /// <summary>
    /// EC2 and OpenStack provisioning: options (section <c>Cloud</c>), Data Protection with its keys in
    /// <see cref="CloudOptions.KeysDirectory"/> (outside the database), the credential vault, the
    /// gateway factory and the provisioner the wizards use.
    /// </summary>
    public static IServiceCollection AddCloudProvisioning(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(CloudOptions.SectionName);
        services.AddOptions<CloudOptions>().Bind(section)
            .Validate(o => o.LaunchTimeout > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero, "Cloud:LaunchTimeout and Cloud:PollInterval must be positive.")
            .Validate(o => o.ThrottleAttempts >= 1 && o.Ec2SdkMaxErrorRetry >= 0, "Cloud:ThrottleAttempts must be at least 1 and Cloud:Ec2SdkMaxErrorRetry not negative.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<CloudOptions>>().Value);

        // The key folder is read once here, as Data Protection needs it while services are built.
        var keys = section[nameof(CloudOptions.KeysDirectory)] ?? new CloudOptions().KeysDirectory;
        services.AddDataProtection().SetApplicationName("MesosConsole");
        services.AddOptions<KeyManagementOptions>().Configure<IHostEnvironment>((o, environment) =>
        {
            var directory = new DirectoryInfo(Path.GetFullPath(keys, environment.ContentRootPath));
            directory.Create();
            o.XmlRepository = new FileSystemXmlRepository(directory, NullLoggerFactory.Instance);
        });

        services.AddHttpClient(CloudGatewayFactory.OpenStackHttpClient);
        services.TryAddSingleton<CloudClock>();
        services.TryAddSingleton<ThrottlingRetry>();
        services.TryAddSingleton<CredentialVault>();
        services.TryAddSingleton<ICloudGatewayFactory, CloudGatewayFactory>();
        services.TryAddSingleton<CloudProvisioner>();
        return services;
    }
}
