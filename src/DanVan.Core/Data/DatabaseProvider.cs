using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace DanVan.Data;

public enum DatabaseKind
{
    Sqlite = 0,
    Postgres = 1,
}

/// <summary>Chooses the database from configuration: Database:Provider and ConnectionStrings:DanVan.</summary>
public static class DatabaseProvider
{
    public const string DefaultSqlite = "Data Source=data/danvan.db";

    public static DatabaseKind Kind(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value) || value.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseKind.Sqlite;
        }

        if (value.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || value.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseKind.Postgres;
        }

        throw new InvalidOperationException($"Database:Provider '{value}' is not supported: use Sqlite or Postgres.");
    }

    public static string ConnectionString(IConfiguration configuration, DatabaseKind kind)
    {
        var cs = configuration.GetConnectionString("DanVan");
        if (!string.IsNullOrWhiteSpace(cs))
        {
            return cs;
        }

        return kind == DatabaseKind.Sqlite
            ? DefaultSqlite
            : throw new InvalidOperationException("ConnectionStrings:DanVan is required when Database:Provider is Postgres.");
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseKind kind, string connectionString)
    {
        switch (kind)
        {
            case DatabaseKind.Sqlite:
                EnsureSqliteDirectory(connectionString);
                options.UseSqlite(connectionString, o => o.MigrationsAssembly("DanVan.Migrations.Sqlite"));
                break;
            case DatabaseKind.Postgres:
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly("DanVan.Migrations.Postgres"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    /// <summary>A connection of its own, outside the pool the requests use (a health check must not queue behind them).</summary>
    public static System.Data.Common.DbConnection Unpooled(IConfiguration configuration)
    {
        var kind = Kind(configuration);
        var cs = ConnectionString(configuration, kind);
        return kind == DatabaseKind.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection(cs)
            : new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(cs) { Pooling = false, Timeout = 5 }.ConnectionString);
    }

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var file = builder.DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:" || builder.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            return;
        }

        var dir = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }
    }
}
