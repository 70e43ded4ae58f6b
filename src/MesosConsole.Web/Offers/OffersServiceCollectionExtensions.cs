namespace MesosConsole.Web.Offers;

public static class OffersServiceCollectionExtensions
{
    /// <summary>The offers teaching page's feeds (allocator decisions, offer counters).</summary>
    public static IServiceCollection AddOffers(this IServiceCollection services) => services;
}
