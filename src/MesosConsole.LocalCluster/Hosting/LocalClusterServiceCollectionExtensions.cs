using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MesosConsole.LocalCluster.Hosting;

public static class LocalClusterServiceCollectionExtensions
{
    /// <summary>
    /// Runs the embedded cluster as a hosted service bound to the <c>LocalCluster</c> section, with the
    /// options validated at start-up. Resolve <see cref="LocalClusterHostedService"/> for its master URL.
    /// </summary>
    public static IServiceCollection AddLocalCluster(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LocalClusterOptions>()
            .Bind(configuration.GetSection(LocalClusterOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<LocalClusterOptions>, LocalClusterOptionsValidator>();
        services.AddSingleton<LocalClusterHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<LocalClusterHostedService>());
        var demo = configuration.GetSection(LocalClusterOptions.SectionName).GetValue<bool>(nameof(LocalClusterOptions.DemoFramework));
        if (demo)
        {
            services.AddHostedService<DemoFramework>();
        }

        return services;
    }
}

/// <summary>Starts the embedded cluster with the host and stops it (every task process gone) with it.</summary>
public sealed class LocalClusterHostedService(IOptions<LocalClusterOptions> options, ILoggerFactory loggerFactory, TimeProvider? timeProvider = null)
    : IHostedService
{
    private readonly TaskCompletionSource<EmbeddedCluster> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the cluster answers; the master URL the console should use.</summary>
    public Task<EmbeddedCluster> Started => _started.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var cluster = await EmbeddedCluster.StartAsync(options.Value, loggerFactory, timeProvider ?? TimeProvider.System, cancellationToken);
            _started.TrySetResult(cluster);
        }
        catch (Exception ex)
        {
            _started.TrySetException(ex);
            throw;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_started.Task.IsCompletedSuccessfully)
        {
            await _started.Task.Result.DisposeAsync();
        }
    }
}
