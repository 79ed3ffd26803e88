using DanVan.Domain;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Data.Dialects;

public sealed class PostgresDialect : SqlDialect
{
    public override DatabaseKind Kind => DatabaseKind.Postgres;

    public override void ConfigureModel(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Paths and sort keys compare by bytes: "/" < "0" makes a subtree one index range,
        // and Vietnamese order is encoded in the sort key itself.
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
                     .Where(p => p.Name is "Path" or "CurrentPath" or "LegacyPath" or "ScopePath" or "UnitPath" or "SortKey"))
        {
            property.SetCollation("C");
        }
    }

    // Statistics for the planner, and the visibility map too, so covering indexes are read alone.
    public override string Analyze => "VACUUM ANALYZE";

    public override FormattableString IndexDefinitions(string table) =>
        $"SELECT indexdef AS \"Value\" FROM pg_indexes WHERE tablename = {table} AND indexname NOT LIKE 'PK_%'";

    public override string? ResetIdentity(string table) =>
        $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT COALESCE(MAX(\"Id\"), 1) FROM \"{table}\"))";

    public override string Year(string column) => $"CAST(EXTRACT(YEAR FROM \"{column}\") AS integer)";

    public override string AtLeastZero(string expression) => $"GREATEST(0, {expression})";

    public override bool CountsGroups => true;

    public override string SummarySql(string pathColumn, int childLength, string code, string where) =>
        $"SELECT {(childLength == 0 ? "''" : $"substr({pathColumn}, 1, {childLength})")}, {code}, count(*) FROM \"Initiatives\" WHERE {where} GROUP BY 1, 2";

    // The planner guesses up to 100k groups and would sort on disk within the default 4 MB; a hash of the few
    // thousand real groups fits easily. JIT compiling costs more than it saves here.
    public override string? CountingSettings => "SET LOCAL work_mem = '64MB'; SET LOCAL jit = off";

    /// <summary>tsquery syntax: dan:* &amp; van:*.</summary>
    public static string TsQuery(IReadOnlyList<string> terms, bool any = false) =>
        string.Join(any ? " | " : " & ", terms.Select(t => t + ":*"));

    public override IQueryable<Initiative> Matching(IQueryable<Initiative> query, AppDbContext db, IReadOnlyList<string> terms, bool any, bool narrowed)
    {
        var ts = TsQuery(terms, any);
        return query.Where(i => EF.Functions.ToTsVector("simple", i.SearchText).Matches(EF.Functions.ToTsQuery("simple", ts)));
    }

    public override Task<List<int>> LatestMatchesAsync(AppDbContext db, IReadOnlyList<string> terms, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Matching(db.Initiatives, db, terms, any: true, narrowed: false).OrderByDescending(i => i.Id).Select(i => i.Id).Take(limit).ToListAsync(ct);
    }

    // Class 17 keeps these keys apart from the rollup's per-path locks (one-argument form).
    public override Task HoldAsync(AppDbContext db, string key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(17, hashtext({key}))", ct);
    }

    public override Task<int> CountMatchesAsync(AppDbContext db, IReadOnlyList<string> terms, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Matching(db.Initiatives, db, terms, any: false, narrowed: false).Take(limit).CountAsync(ct);
    }
}
