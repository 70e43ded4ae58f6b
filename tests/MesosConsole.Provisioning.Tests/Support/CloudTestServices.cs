using MesosConsole.Data;
using MesosConsole.Provisioning.Cloud;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MesosConsole.Provisioning.Tests.Support;

/// <summary>
/// The console's real cloud services (AddCloudProvisioning: vault with Data Protection, gateway
/// factory, provisioner) over a <see cref="CloudTestDatabase"/>, with EC2 pointed at an
/// <see cref="Ec2TestEndpoint"/> (SDK retries off so every call is visible), a fake clock, and every
/// log entry recorded.
/// </summary>
public static class CloudTestServices
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 22, 0, 0, TimeSpan.Zero);

    public static IServiceCollection AddCloudTestServices(this IServiceCollection services, CloudTestDatabase database, Uri? ec2Url, FakeTimeProvider time, CloudRecordingLoggerProvider logs)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cloud:KeysDirectory"] = database.KeysFolder,
            ["Cloud:Ec2ServiceUrl"] = ec2Url?.ToString(),
            ["Cloud:Ec2SdkMaxErrorRetry"] = "0",
            ["Cloud:PollInterval"] = "00:00:05",
            ["Cloud:LaunchTimeout"] = "00:01:00",
        }).Build();
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(database.Folder));
        services.AddLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddSingleton<TimeProvider>(time);
        services.AddConsoleDatabase(database.ConnectionString, database.Folder);
        services.AddCloudProvisioning(configuration);
        return services;
    }
}
