using MesosConsole.Data;
using MesosConsole.Data.Provisioning;
using Microsoft.EntityFrameworkCore;

namespace MesosConsole.Provisioning.Ansible;

/// <summary>The provisioning requests the deploy wizard can take its hosts from.</summary>
public sealed class DeployableRequests(IDbContextFactory<ConsoleDbContext> databases)
{
    /// <summary>Provisioning requests that have at least one instance, newest first, with their instances.</summary>
    public async Task<IReadOnlyList<ProvisioningRequest>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.ProvisioningRequests.AsNoTracking().Include(r => r.Instances)
            .Where(r => r.Instances.Count > 0).OrderByDescending(r => r.CreatedAt).ToListAsync(cancellationToken);
    }
}
