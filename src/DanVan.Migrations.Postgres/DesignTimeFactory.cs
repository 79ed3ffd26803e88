using DanVan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DanVan.Migrations.Postgres;

/// <summary>Used only by `dotnet ef migrations add` to build the model for PostgreSQL (no connection is opened).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseProvider.Configure(options, DatabaseKind.Postgres, "Host=localhost;Database=danvan_design");
        return new AppDbContext(options.Options);
    }
}
