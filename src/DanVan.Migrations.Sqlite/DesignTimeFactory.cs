using DanVan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DanVan.Migrations.Sqlite;

/// <summary>Used only by `dotnet ef migrations add` to build the model for SQLite.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseProvider.Configure(options, DatabaseKind.Sqlite, "Data Source=:memory:");
        return new AppDbContext(options.Options);
    }
}
