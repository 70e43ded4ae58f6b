using MesosConsole.Data;
using MesosConsole.Provisioning.Cloud;
using MesosConsole.Provisioning.Cloud.Credentials;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MesosConsole.Provisioning.Tests.Support;

/// <summary>
/// Everything a provisioning test needs, real where it can be: the local EC2 and OpenStack endpoints,
/// a SQLite file, the console's cloud services built by AddCloudProvisioning, a fake clock that the
/// test advances whenever the provisioner starts waiting (<see cref="AutoAdvance"/>), and recorded logs.
/// </summary>
public sealed class CloudTestHost : IAsyncDisposable
{
    private CloudTestHost(Ec2TestEndpoint ec2, OpenStackTestEndpoint openStack, CloudTestDatabase database, ServiceProvider services, FakeTimeProvider time, CloudRecordingLoggerProvider logs)
    {
        Ec2 = ec2;
        OpenStack = openStack;
        Database = database;
        Services = services;
        Time = time;
        Logs = logs;
    }

    public Ec2TestEndpoint Ec2 { get; }

    public OpenStackTestEndpoint OpenStack { get; }

    public CloudTestDatabase Database { get; }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public CloudRecordingLoggerProvider Logs { get; }

    public CloudProvisioner Provisioner => Services.GetRequiredService<CloudProvisioner>();

    public CredentialVault Vault => Services.GetRequiredService<CredentialVault>();

    public CloudClock Clock => Services.GetRequiredService<CloudClock>();

    /// <summary>Called at each wait with the delay; by default nothing happens and the wait lasts until the test advances time.</summary>
    public Action<TimeSpan>? OnWait { get; set; }

    public static async Task<CloudTestHost> StartAsync()
    {
        var ec2 = await Ec2TestEndpoint.StartAsync();
        var openStack = await OpenStackTestEndpoint.StartAsync();
        var database = await CloudTestDatabase.CreateAsync();
        var services = new ServiceCollection();
        var time = new FakeTimeProvider(CloudTestServices.Start);
        var logs = new CloudRecordingLoggerProvider();
        services.AddCloudTestServices(database, ec2.Url, time, logs);
        var host = new CloudTestHost(ec2, openStack, database, services.BuildServiceProvider(), time, logs);
        host.Clock.DelayStarted += delay => host.OnWait?.Invoke(delay);
        return host;
    }

    /// <summary>Every wait ends at once (the fake clock jumps by the delay), after <paramref name="beforeEach"/> ran.</summary>
    public void AutoAdvance(Action<TimeSpan>? beforeEach = null) => OnWait = delay =>
    {
        beforeEach?.Invoke(delay);
        Time.Advance(delay);
    };

    public async Task<ConsoleDbContext> DbAsync() => await Database.Factory.CreateDbContextAsync();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteClear();
        Database.Dispose();
        await Ec2.DisposeAsync();
        await OpenStack.DisposeAsync();
    }

    private static void SqliteClear() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
}
