using MesosConsole.Data.Clusters;
using MesosConsole.Data.Deployments;
using MesosConsole.Data.Provisioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MesosConsole.Data;

/// <summary>
/// The console's own records in SQLite: remote clusters of the chooser, cloud credentials (secrets
/// protected), provisioning requests and their instances, and deployment runs. Schema changes are
/// EF Core migrations (<c>Migrations/</c>), applied at start-up by <see cref="DatabaseMigrator"/>.
/// </summary>
public sealed class ConsoleDbContext(DbContextOptions<ConsoleDbContext> options) : DbContext(options)
{
    public DbSet<ClusterEntry> Clusters => Set<ClusterEntry>();

    public DbSet<CloudCredential> CloudCredentials => Set<CloudCredential>();

    public DbSet<ProvisioningRequest> ProvisioningRequests => Set<ProvisioningRequest>();

    public DbSet<ProvisionedInstance> ProvisionedInstances => Set<ProvisionedInstance>();

    public DbSet<DeploymentRun> DeploymentRuns => Set<DeploymentRun>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type: stored as a number, times sort and compare in SQL, not only in memory.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        // Enums as their names, so the database reads without the code.
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ClusterEntry>(cluster =>
        {
            cluster.Property(c => c.Id).HasMaxLength(64);
            cluster.Property(c => c.Name).HasMaxLength(ClusterEntry.NameMaxLength);
            cluster.HasIndex(c => c.Name).IsUnique();
        });

        modelBuilder.Entity<CloudCredential>(credential =>
        {
            credential.Property(c => c.Name).HasMaxLength(100);
            credential.HasIndex(c => new { c.Provider, c.Name }).IsUnique();
        });

        modelBuilder.Entity<ProvisioningRequest>(request =>
        {
            request.HasMany(r => r.Instances).WithOne().HasForeignKey(i => i.RequestId).OnDelete(DeleteBehavior.Cascade);
            request.HasIndex(r => r.CreatedAt);
        });

        modelBuilder.Entity<ProvisionedInstance>(instance => instance.HasIndex(i => i.CloudInstanceId));

        modelBuilder.Entity<DeploymentRun>(run => run.HasIndex(r => r.StartedAt));
    }
}
