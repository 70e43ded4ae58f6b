using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace MesosConsole.Data;

/// <summary>
/// Brings the database to the latest migration when the host starts, before anything reads it
/// (registered ahead of the other hosted services). A fresh machine gets its database here.
/// </summary>
public sealed class DatabaseMigrator(IDbContextFactory<ConsoleDbContext> contexts) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
