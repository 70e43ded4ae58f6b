using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MesosConsole.Web.Sandbox;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>Sandbox browsing and log tailing through the agents' files API.</summary>
    public static IServiceCollection AddSandbox(this IServiceCollection services)
    {
        services.AddOptions<SandboxOptions>();
        services.TryAddSingleton<SandboxTailers>();
        services.TryAddSingleton<SandboxLocator>();
        return services;
    }
}
