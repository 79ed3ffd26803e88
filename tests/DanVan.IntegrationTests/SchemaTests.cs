using DanVan.Data;
using DanVan.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

/// <summary>One initial migration per provider that matches the model, with the hand-written search SQL applied.</summary>
[Collection(AppCollection.Name)]
public class SchemaTests(DanVanFactory app)
{
    [Fact]
    public async Task Model_HasNoChangesWithoutAMigration()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(), "The EF model differs from the last migration: add a migration for each provider.");
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_Initial", StringComparison.Ordinal));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task SearchSql_IsInPlace()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sql = app.Provider == DatabaseKind.Sqlite
            ? "SELECT count(*) AS \"Value\" FROM sqlite_master WHERE name IN ('InitiativeSearch', 'Initiatives_search_insert', 'Initiatives_search_delete', 'Initiatives_search_update')"
            : "SELECT count(*)::int AS \"Value\" FROM pg_indexes WHERE indexname = 'IX_Initiatives_Search'";
        var expected = app.Provider == DatabaseKind.Sqlite ? 4 : 1;
        Assert.Equal(expected, await db.Database.SqlQueryRaw<int>(sql).SingleAsync());
        Assert.Equal(expected, HandWrittenSql.Statements(app.Provider, HandWrittenSql.Search).Count(s => s.StartsWith("CREATE", StringComparison.Ordinal)));
    }
}
