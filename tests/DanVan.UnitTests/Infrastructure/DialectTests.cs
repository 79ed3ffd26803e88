using DanVan.Data;
using DanVan.Data.Dialects;

namespace DanVan.UnitTests.Infrastructure;

/// <summary>Provider-specific SQL lives in the dialects (and the data layer's bulk writer and seeder), never in features.</summary>
public class DialectTests
{
    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DanVan.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    [Fact]
    public void NoFeatureOrCommand_AsksWhichDatabaseItRunsOn()
    {
        var web = Path.Combine(Root(), "src", "DanVan.Web");
        var offenders = Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var text && (text.Contains("IsNpgsql()", StringComparison.Ordinal) || text.Contains("IsSqlite()", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(web, f)).ToList();
        Assert.True(offenders.Count == 0, "Provider checks outside the dialects: " + string.Join(", ", offenders));
    }

    [Fact]
    public void EachProvider_HasItsDialect()
    {
        Assert.Equal(DatabaseKind.Sqlite, SqlDialect.For(DatabaseKind.Sqlite).Kind);
        Assert.Equal(DatabaseKind.Postgres, SqlDialect.For(DatabaseKind.Postgres).Kind);
        Assert.Contains("group_concat", SqlDialect.Sqlite.SummarySql("\"ScopePath\"", 0, "1", "1 = 1"), StringComparison.Ordinal);
        Assert.Contains("count(*)", SqlDialect.Postgres.SummarySql("\"ScopePath\"", 4, "1", "1 = 1"), StringComparison.Ordinal);
        Assert.Equal("2026-03-01", SqlDialect.Sqlite.Parameter(new DateOnly(2026, 3, 1)));
        Assert.Equal(new DateOnly(2026, 3, 1), SqlDialect.Postgres.Parameter(new DateOnly(2026, 3, 1)));
        Assert.Null(SqlDialect.Sqlite.ResetIdentity("Initiatives"));
        Assert.Contains("setval", SqlDialect.Postgres.ResetIdentity("Initiatives"), StringComparison.Ordinal);
    }
}
