using MesosConsole.Web.Cluster;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace MesosConsole.Web.Hosting;

/// <summary>Health checks and their endpoints, kept apart from the console's own wiring.</summary>
public static class ConsoleDefaultsExtensions
{
    public const string AlivePath = "/alive";
    public const string ReadyPath = "/health";

    private const string ReadyTag = "ready";

    public static IServiceCollection AddConsoleDefaults(this IServiceCollection services)
    {
        services.AddHealthChecks()
            // Bounded, so a master that never answers reads as "not ready" instead of a hung probe.
            .AddCheck<MasterHealthCheck>("mesos-master", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    /// <summary>
    /// <c>/alive</c>: the process serves requests (no checks run). <c>/health</c>: ready, meaning the
    /// leading master answers GET_HEALTH; 503 with the reason otherwise.
    /// </summary>
    public static WebApplication MapConsoleDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        return app;
    }
}
