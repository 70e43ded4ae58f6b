using MesosConsole.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MesosConsole.Provisioning.Tests.Support;

/// <summary>A real SQLite file in a fresh temporary folder with the console's migrations applied; the folder also holds the Data Protection keys.</summary>
public sealed class CloudTestDatabase : IDisposable
{
    private readonly ServiceProvider _services;

    private CloudTestDatabase(string folder, ServiceProvider services)
    {
        Folder = folder;
        _services = services;
        Factory = services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>();
    }

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "console.db");

    public string KeysFolder => Path.Combine(Folder, "keys");

    /// <summary>No pooling, so the file is closed and complete when a test reads its bytes.</summary>
    public string ConnectionString => $"Data Source={DatabasePath};Pooling=False";

    public IDbContextFactory<ConsoleDbContext> Factory { get; }

    public static async Task<CloudTestDatabase> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("mesosconsole-cloud-").FullName;
        var services = new ServiceCollection().AddConsoleDatabase($"Data Source={Path.Combine(folder, "console.db")};Pooling=False", folder).BuildServiceProvider();
        var database = new CloudTestDatabase(folder, services);
        await using var db = await database.Factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        return database;
    }

    /// <summary>Every byte SQLite wrote (the database and any journal or WAL beside it).</summary>
    public byte[] ReadAllBytes() =>
        [.. Directory.GetFiles(Folder, "console.db*").SelectMany(File.ReadAllBytes)];

    public void Dispose()
    {
        _services.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
