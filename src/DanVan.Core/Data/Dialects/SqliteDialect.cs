using System.Globalization;
using DanVan.Domain;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Data.Dialects;

public sealed class SqliteDialect : SqlDialect
{
    public override DatabaseKind Kind => DatabaseKind.Sqlite;

    // Write-ahead logging: readers do not wait for a writer (the file keeps this setting).
    public override string? AfterMigrate => "PRAGMA journal_mode=WAL;";

    public override string Analyze => "ANALYZE";

    public override FormattableString IndexDefinitions(string table) =>
        $"SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name = {table} AND sql IS NOT NULL";

    public override bool BacksUpInProcess => true;

    public override bool WritesBesideATransaction => false;

    public override string Year(string column) => $"CAST(substr(\"{column}\", 1, 4) AS integer)";

    public override string AtLeastZero(string expression) => $"max(0, {expression})";

    // SQLite cannot GROUP BY a million rows without sorting them: it streams a GROUP BY on the indexed path instead.
    public override bool CountsGroups => false;

    public override string SummarySql(string pathColumn, int childLength, string code, string where) =>
        $"SELECT {pathColumn}, group_concat({code}) FROM \"Initiatives\" WHERE {where} GROUP BY {pathColumn}";

    public override object Parameter(object value) => value is DateOnly d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : value;

    public override bool ReadsCountryInParallel => true;

    /// <summary>FTS5 syntax: every term a quoted prefix ("dan"* "van"*), all required.</summary>
    public static string Fts5Query(IReadOnlyList<string> terms, bool any = false) =>
        string.Join(any ? " OR " : " ", terms.Select(t => $"\"{t}\"*"));

    public override IQueryable<Initiative> Matching(IQueryable<Initiative> query, AppDbContext db, IReadOnlyList<string> terms, bool any, bool narrowed)
    {
        ArgumentNullException.ThrowIfNull(db);
        var match = Fts5Query(terms, any);
        var ids = db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"InitiativeSearch\" WHERE \"InitiativeSearch\" MATCH {match}");
        // "Id + 0" is not the row id to SQLite's planner, so it keeps the path index and probes the matches' list.
        return narrowed ? query.Where(i => ids.Contains(i.Id + 0)) : query.Where(i => ids.Contains(i.Id));
    }

    // The index hands matches over newest first and stops at the limit.
    public override Task<List<int>> LatestMatchesAsync(AppDbContext db, IReadOnlyList<string> terms, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var match = Fts5Query(terms, any: true);
        return db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"InitiativeSearch\" WHERE \"InitiativeSearch\" MATCH {match} ORDER BY rowid DESC LIMIT {limit}")
            .ToListAsync(ct);
    }

    public override Task<int> CountMatchesAsync(AppDbContext db, IReadOnlyList<string> terms, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var match = Fts5Query(terms);
        return db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM (SELECT 1 FROM \"InitiativeSearch\" WHERE \"InitiativeSearch\" MATCH {match} LIMIT {limit})").SingleAsync(ct);
    }
}
