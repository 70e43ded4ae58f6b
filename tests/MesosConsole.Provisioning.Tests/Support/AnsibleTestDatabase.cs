using MesosConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace MesosConsole.Provisioning.Tests.Support;

/// <summary>A real SQLite file with the console's migrations applied, deleted afterwards.</summary>
internal sealed class AnsibleTestDatabase : IDbContextFactory<ConsoleDbContext>, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"mesosconsole-ansible-{Guid.NewGuid():N}.db");
    private readonly DbContextOptions<ConsoleDbContext> _options;

    public AnsibleTestDatabase()
    {
        // No pooling: the file can be deleted as soon as the test ends.
        _options = new DbContextOptionsBuilder<ConsoleDbContext>().UseSqlite($"Data Source={_path};Pooling=False").Options;
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

    public ConsoleDbContext CreateDbContext() => new(_options);

    public void Dispose()
    {
        // Both disposal paths may run; deleting twice is harmless.
        if (File.Exists(_path))
        {
            File.Delete(_path);
        }
    }
}
