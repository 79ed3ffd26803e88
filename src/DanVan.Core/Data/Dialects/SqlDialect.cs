using DanVan.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DanVan.Data.Dialects;

/// <summary>
/// Everything that is written differently for SQLite and PostgreSQL, by concern: the schema, operations (indexes,
/// statistics, sequences, backup), the summary's counting SQL and full-text search. Chosen once from the configured
/// provider; features call <see cref="AppDbContext.Dialect"/> and never ask which database they run on.
/// (Bulk writes keep their two paths in <see cref="BulkInsert"/>, the map's seeding in its seeder.)
/// </summary>
public abstract class SqlDialect
{
    public static SqlDialect Sqlite { get; } = new SqliteDialect();

    public static SqlDialect Postgres { get; } = new PostgresDialect();

    public static SqlDialect For(DatabaseKind kind) => kind == DatabaseKind.Postgres ? Postgres : Sqlite;

    /// <summary>The one place that asks EF Core which provider a context runs on.</summary>
    public static SqlDialect Of(DatabaseFacade database) => database.IsNpgsql() ? Postgres : Sqlite;

    public abstract DatabaseKind Kind { get; }

    // Schema and operations.

    /// <summary>Provider settings of the model (PostgreSQL compares paths and sort keys by bytes).</summary>
    public virtual void ConfigureModel(ModelBuilder builder)
    {
    }

    /// <summary>Run once the schema is up to date, or null.</summary>
    public virtual string? AfterMigrate => null;

    /// <summary>Fresh planner statistics for every table.</summary>
    public abstract string Analyze { get; }

    /// <summary>The CREATE INDEX statements of a table's secondary indexes (one column "Value").</summary>
    public abstract FormattableString IndexDefinitions(string table);

    /// <summary>Moves a table's id generator past rows written with explicit ids, or null where nothing is needed.</summary>
    public virtual string? ResetIdentity(string table) => null;

    /// <summary>Whether the app itself can write a consistent copy of the database (SQLite's VACUUM INTO).</summary>
    public virtual bool BacksUpInProcess => false;

    /// <summary>Whether a second connection can write while a long transaction is open (not SQLite: one writer).</summary>
    public virtual bool WritesBesideATransaction => true;

    /// <summary>
    /// Inside a transaction: waits until no other transaction holds the same key, and holds it until this one ends, so
    /// a check and the write it allows cannot interleave with another's. SQLite needs nothing: a transaction there
    /// already holds the one writer's lock.
    /// </summary>
    public virtual Task HoldAsync(AppDbContext db, string key, CancellationToken ct) => Task.CompletedTask;

    // The summary's counting (Features/Reports/SummaryCounts).

    /// <summary>The year of a date column as an integer.</summary>
    public abstract string Year(string column);

    /// <summary>An integer expression, at least zero.</summary>
    public abstract string AtLeastZero(string expression);

    /// <summary>Whether the database counts (path, code) groups itself; otherwise it lists each path's codes for the app to tally.</summary>
    public abstract bool CountsGroups { get; }

    /// <summary>
    /// The counting query over "Initiatives": with <see cref="CountsGroups"/>, rows of (child path, code, count);
    /// otherwise rows of (path, comma-separated codes).
    /// </summary>
    public abstract string SummarySql(string pathColumn, int childLength, string code, string where);

    /// <summary>A parameter value as this database compares it (SQLite keeps dates as ISO text).</summary>
    public virtual object Parameter(object value) => value;

    /// <summary>Settings for the counting transaction, or null.</summary>
    public virtual string? CountingSettings => null;

    /// <summary>Whether the whole country is read faster on several connections at once (SQLite answers a query on one core).</summary>
    public virtual bool ReadsCountryInParallel => false;

    // Full-text search of initiatives (the index and its triggers: Data/Sql/&lt;Provider&gt;.search.sql).

    /// <summary>Keeps the initiatives whose folded search text has every term as a prefix (or, with any, one of them).</summary>
    public abstract IQueryable<Initiative> Matching(IQueryable<Initiative> query, AppDbContext db, IReadOnlyList<string> terms, bool any, bool narrowed);

    /// <summary>The newest matching ids, at most <paramref name="limit"/>.</summary>
    public abstract Task<List<int>> LatestMatchesAsync(AppDbContext db, IReadOnlyList<string> terms, int limit, CancellationToken ct);

    /// <summary>How many initiatives match, counted in the full-text index alone.</summary>
    /// <summary>How many records match the words, counting no further than <paramref name="limit"/>.</summary>
    public abstract Task<int> CountMatchesAsync(AppDbContext db, IReadOnlyList<string> terms, int limit, CancellationToken ct);
}
