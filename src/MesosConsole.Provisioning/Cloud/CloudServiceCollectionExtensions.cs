using MesosConsole.Provisioning.Cloud.Credentials;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
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
            .Validate(o => o.TerminateTimeout > TimeSpan.Zero && o.CleanupAttempts >= 1, "Cloud:TerminateTimeout must be positive and Cloud:CleanupAttempts at least 1.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CloudOptions>, KeyCertificateValidator>();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<CloudOptions>>().Value);

        KeyRingProtection.Configure(services, configuration, section);
        services.AddHttpClient(CloudGatewayFactory.OpenStackHttpClient);
        services.TryAddSingleton<CloudClock>();
        services.TryAddSingleton<ThrottlingRetry>();
        services.TryAddSingleton<CredentialVault>();
        services.TryAddSingleton<ICloudGatewayFactory, CloudGatewayFactory>();
        services.TryAddSingleton<ProvisioningRecords>();
        services.TryAddSingleton<CloudCleanup>();
        services.TryAddSingleton<CloudInstanceSync>();
        services.TryAddSingleton<CloudProvisioner>();
        // After the database migrator (registered first): a launch the last run left half-way is marked failed.
        services.AddHostedService<InterruptedLaunchRecovery>();
        return services;
    }
}
