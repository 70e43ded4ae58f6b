using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MesosConsole.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// The console database: a <see cref="IDbContextFactory{ConsoleDbContext}"/> (Blazor circuits
    /// live long, so each unit of work makes its own short-lived context) over SQLite at
    /// <paramref name="connectionString"/>, and the start-up migration. A relative <c>Data Source</c>
    /// is taken from <paramref name="contentRoot"/>, and its folder is created.
    /// </summary>
    public static IServiceCollection AddConsoleDatabase(this IServiceCollection services, string connectionString, string contentRoot)
    {
        var resolved = ResolveDataSource(connectionString, contentRoot);
        services.AddDbContextFactory<ConsoleDbContext>(options => options.UseSqlite(resolved));
        // Inserted first so the schema exists before any other hosted service starts.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DatabaseMigrator>());
        return services;
    }

    internal static string ResolveDataSource(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(source, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        return builder.ToString();
    }
}
