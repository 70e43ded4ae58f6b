using MesosConsole.Mesos.Client;
using MesosConsole.Web.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MesosConsole.Web.Cluster;

public static class ClusterServiceCollectionExtensions
{
    /// <summary>
    /// The <c>Cluster</c> options (validated at start-up), the Mesos HTTP client, the
    /// <see cref="ClusterConnection"/> and the operator client pages use. Everything is TryAdd: a
    /// locator or client registered earlier (embedded mode, tests) wins. Without one, the leader is
    /// found among <see cref="ClusterOptions.MasterUrls"/>.
    /// </summary>
    public static IServiceCollection AddClusterConnection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClusterOptions>()
            .Bind(configuration.GetSection(ClusterOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>());

        services.AddHttpClient(ClusterConnection.HttpClientName, http =>
            {
                // Operator calls answer in milliseconds; a master slower than this is as good as down
                // for a live console. SUBSCRIBE streams are not cut: the timeout ends at their headers.
                http.Timeout = TimeSpan.FromSeconds(15);
            })
            .ConfigurePrimaryHttpMessageHandler(MesosHttp.CreateHandler);

        services.TryAddSingleton<IMasterLocator>(sp => new LeaderDetectingMasterLocator(
            sp.GetRequiredService<IHttpClientFactory>(),
            [.. sp.GetRequiredService<IOptions<ClusterOptions>>().Value.MasterUrls.Select(url => new Uri(url))]));
        services.TryAddSingleton<ClusterConnection>();
        services.TryAddSingleton(sp => sp.GetRequiredService<ClusterConnection>().Operator);
        return services;
    }
}
