using MesosConsole.Mesos.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MesosConsole.Web.Cluster;

/// <summary>Readiness: the leading master answers the operator API's GET_HEALTH and says it is healthy.</summary>
public sealed class MasterHealthCheck(IMesosOperatorClient client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var health = await client.GetHealthAsync(cancellationToken);
            return health.Healthy == true
                ? HealthCheckResult.Healthy("The leading master answers and reports itself healthy.")
                : HealthCheckResult.Unhealthy("The leading master answers but reports itself unhealthy.");
        }
        catch (MesosApiException ex)
        {
            return HealthCheckResult.Unhealthy(ex.Message, ex);
        }
    }
}
