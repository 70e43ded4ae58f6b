using MesosConsole.Data;
using MesosConsole.Data.Provisioning;
using Microsoft.EntityFrameworkCore;

namespace MesosConsole.Provisioning.Cloud;

/// <summary>
/// What the provisioning code writes about requests and their instances. Anything that records a thing
/// the cloud created saves even when the caller gave up: the thing exists in the cloud either way.
/// </summary>
public sealed class ProvisioningRecords(IDbContextFactory<ConsoleDbContext> databases, CloudClock clock)
{
    /// <summary>The state recorded for an instance the cloud no longer lists at all.</summary>
    public const string NotFoundState = "terminated";

    /// <summary>The cloud was last seen to report the instance gone (EC2 terminated, OpenStack DELETED): nothing to ask about any more.</summary>
    public static bool IsKnownGone(ProvisionedInstance instance) => CloudStates.IsGone(instance.State);

    public async Task AddAsync(ProvisioningRequest request, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.ProvisioningRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<ProvisioningRequest> LoadAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.ProvisioningRequests.AsNoTracking().Include(r => r.Instances).SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw new CloudOperationException("That provisioning request does not exist.", "NotFound");
    }

    public async Task<IReadOnlyList<ProvisioningRequest>> ListAsync(CloudProvider provider, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var requests = await db.ProvisioningRequests.AsNoTracking().Include(r => r.Instances)
            .Where(r => r.Provider == provider).ToListAsync(cancellationToken);
        return [.. requests.OrderByDescending(r => r.CreatedAt)];
    }

    public async Task SetStateAsync(Guid requestId, ProvisioningState state, string? error, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.ProvisioningRequests.Where(r => r.Id == requestId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, state).SetProperty(r => r.Error, error), cancellationToken);
    }

    public async Task SetErrorAsync(Guid requestId, string? error, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.ProvisioningRequests.Where(r => r.Id == requestId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Error, error), cancellationToken);
    }

    public async Task SetSecurityGroupAsync(Guid requestId, string securityGroupId)
    {
        await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
        await db.ProvisioningRequests.Where(r => r.Id == requestId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.SecurityGroupId, securityGroupId), CancellationToken.None);
    }

    public async Task MarkSecurityGroupDeletedAsync(Guid requestId)
    {
        var now = clock.UtcNow;
        await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
        await db.ProvisioningRequests.Where(r => r.Id == requestId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.SecurityGroupDeletedAt, now), CancellationToken.None);
    }

    public async Task<ProvisionedInstance> RecordInstanceAsync(Guid requestId, InstanceRole role, LaunchedInstance launched, Action<ProvisionedInstance>? more = null)
    {
        var instance = new ProvisionedInstance
        {
            Id = Guid.NewGuid(),
            RequestId = requestId,
            CloudInstanceId = launched.Id,
            Name = launched.Name,
            Role = role,
            State = launched.State,
            LaunchedAt = clock.UtcNow,
        };
        more?.Invoke(instance);
        await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
        db.ProvisionedInstances.Add(instance);
        await db.SaveChangesAsync(CancellationToken.None);
        return instance;
    }

    public async Task SetFloatingAddressAsync(Guid instanceId, FloatingAddress address)
    {
        await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
        await db.ProvisionedInstances.Where(i => i.Id == instanceId).ExecuteUpdateAsync(
            s => s.SetProperty(i => i.FloatingIpId, address.Id).SetProperty(i => i.PublicAddress, address.Address), CancellationToken.None);
    }

    /// <summary>The floating IP went back to the pool; the address stays on the row as a record of where the instance was.</summary>
    public async Task ClearFloatingAddressAsync(Guid instanceId)
    {
        await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
        await db.ProvisionedInstances.Where(i => i.Id == instanceId).ExecuteUpdateAsync(s => s.SetProperty(i => i.FloatingIpId, (string?)null), CancellationToken.None);
    }

    /// <summary>Marks instances the console asked the cloud to terminate (the cloud reports the rest as it happens).</summary>
    public async Task MarkTerminatingAsync(Guid requestId, IReadOnlyCollection<string> cloudInstanceIds)
    {
        var now = clock.UtcNow;
        await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
        await db.ProvisionedInstances.Where(i => i.RequestId == requestId && i.TerminatedAt == null && cloudInstanceIds.Contains(i.CloudInstanceId))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.TerminatedAt, now).SetProperty(i => i.State, "terminating"), CancellationToken.None);
    }

    /// <summary>
    /// Stores what the cloud reports for the request's instances and returns every row. With
    /// <paramref name="asked"/>, an instance that was asked about but is missing from <paramref name="seen"/>
    /// is recorded as gone, and one the cloud reports gone gets its termination time: the list shows only
    /// what still exists as alive. (Not used while a launch follows its instances: just after launch EC2
    /// may not list an instance yet.)
    /// </summary>
    public async Task<List<ProvisionedInstance>> ApplyStatesAsync(Guid requestId, IReadOnlyList<CloudInstance> seen, IReadOnlyCollection<string>? asked, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.ProvisionedInstances.Where(i => i.RequestId == requestId).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            if (seen.FirstOrDefault(s => s.Id == row.CloudInstanceId) is { } current)
            {
                row.State = current.State;
                row.PublicAddress = current.PublicAddress ?? row.PublicAddress;
                row.PrivateAddress = current.PrivateAddress ?? row.PrivateAddress;
                if (asked is not null && current.IsGone)
                {
                    row.TerminatedAt ??= now;
                }
            }
            else if (asked?.Contains(row.CloudInstanceId) == true)
            {
                row.State = NotFoundState;
                row.TerminatedAt ??= now;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return rows;
    }
}
