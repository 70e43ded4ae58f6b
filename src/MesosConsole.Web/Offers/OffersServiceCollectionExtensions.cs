using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MesosConsole.Web.Offers;

public static class OffersServiceCollectionExtensions
{
    /// <summary>The offers teaching page's feeds (allocator decisions, offer counters), one per watched cluster.</summary>
    public static IServiceCollection AddOffers(this IServiceCollection services)
    {
        services.TryAddSingleton<OffersFeedRegistry>();
        return services;
    }
}
