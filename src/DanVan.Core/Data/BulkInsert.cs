using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DanVan.Data;

/// <summary>
/// Bulk INSERTs for seeding, generated data and imports, past EF's change tracking — and so past every step of
/// <see cref="SaveSideEffects"/>: no version bump (new rows start at the version given), no audit line per row (the
/// caller writes one for the whole batch), no rollup (callers with figures run <see cref="IndicatorRollup.RebuildAsync"/>
/// or refresh their paths) and no public-cache eviction (the import evicts after its commit).
/// </summary>
public static class BulkInsert
{
    public static async Task RunAsync(AppDbContext db, string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var head = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ";
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (!db.Database.IsNpgsql())
        {
            // SQLite: every statement on the table pays for its triggers, foreign keys and a statement journal, so rows go
            // one by one (a prepared statement, re-bound; binding by name is linear in the number of parameters) into a
            // bare temporary table, and from there into the table in one statement.
            var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
            var stage = $"temp.\"bulk_{table}\"";
            await using (var create = connection.CreateCommand())
            {
                create.Transaction = transaction;
                create.CommandText = $"DROP TABLE IF EXISTS {stage}; CREATE TABLE {stage} AS SELECT {list} FROM \"{table}\" WHERE 0";
                await create.ExecuteNonQueryAsync(ct);
            }

            await using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = $"INSERT INTO {stage} VALUES (" + string.Join(", ", columns.Select((_, c) => "@p" + c.ToString(CultureInfo.InvariantCulture))) + ")";
                var parameters = columns.Select((_, c) =>
                {
                    var p = insert.CreateParameter();
                    p.ParameterName = "@p" + c.ToString(CultureInfo.InvariantCulture);
                    insert.Parameters.Add(p);
                    return p;
                }).ToArray();
                insert.Prepare();
                foreach (var row in rows)
                {
                    for (var c = 0; c < parameters.Length; c++)
                    {
                        parameters[c].Value = row[c] switch
                        {
                            null => DBNull.Value,
                            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                            DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
                            bool b => b ? 1 : 0,
                            var v => v,
                        };
                    }

                    await insert.ExecuteNonQueryAsync(ct);
                }
            }

            await using (var move = connection.CreateCommand())
            {
                move.Transaction = transaction;
                move.CommandText = $"INSERT INTO \"{table}\" ({list}) SELECT {list} FROM {stage}; DROP TABLE {stage}";
                await move.ExecuteNonQueryAsync(ct);
            }

            return;
        }

        // PostgreSQL: multi-row statements, one round trip per batch (the protocol allows 65,535 parameters).
        foreach (var batch in rows.Chunk(Math.Max(1, 30000 / columns.Length)))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new System.Text.StringBuilder(head);
            for (var r = 0; r < batch.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"@p{r}_{c}");
                    sql.Append(c == 0 ? name : ", " + name);
                    var p = command.CreateParameter();
                    p.ParameterName = name;
                    p.Value = batch[r][c] ?? DBNull.Value;
                    command.Parameters.Add(p);
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// Inserts new entities whose ids are already set, with the EF model's own columns and value converters but
    /// without change tracking: EF's one INSERT per row costs about a millisecond, a multi-row INSERT a few microseconds.
    /// </summary>
    public static Task EntitiesAsync<T>(AppDbContext db, IReadOnlyCollection<T> entities, CancellationToken ct) where T : class
    {
        if (entities.Count == 0)
        {
            return Task.CompletedTask;
        }

        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name + " is not mapped.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var properties = type.GetProperties().Where(p => !p.IsShadowProperty() && p.GetComputedColumnSql() is null && p.GetColumnName(table) is not null).ToList();
        var columns = properties.Select(p => p.GetColumnName(table)!).ToArray();
        var getters = properties.Select(p => (Get: p.GetGetter(), Convert: p.GetValueConverter() ?? p.GetTypeMapping().Converter)).ToArray();
        var rows = entities.Select(e =>
        {
            var row = new object?[getters.Length];
            for (var i = 0; i < getters.Length; i++)
            {
                var value = getters[i].Get.GetClrValue(e);
                row[i] = value is not null && getters[i].Convert is { } convert ? convert.ConvertToProvider(value) : value;
            }

            return row;
        });
        return RunAsync(db, table.Name, columns, rows, ct);
    }

    /// <summary>
    /// Takes <paramref name="count"/> ids of a table for rows about to be bulk-inserted. PostgreSQL draws them from the
    /// table's sequence; SQLite's write transaction (which the caller must hold) keeps the ids above the largest ours.
    /// </summary>
    public static async Task<int[]> ReserveIdsAsync(AppDbContext db, string table, int count, CancellationToken ct)
    {
        if (count == 0)
        {
            return [];
        }

#pragma warning disable EF1002 // table names are our own constants
        if (db.Database.IsNpgsql())
        {
            return await db.Database.SqlQueryRaw<int>(
                $"SELECT nextval(pg_get_serial_sequence('\"{table}\"', 'Id'))::int AS \"Value\" FROM generate_series(1, {count})").ToArrayAsync(ct);
        }

        var last = await db.Database.SqlQueryRaw<int>(
            $"SELECT max(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0), COALESCE((SELECT MAX(\"Id\") FROM \"{table}\"), 0)) AS \"Value\"").SingleAsync(ct);
#pragma warning restore EF1002
        return Enumerable.Range(last + 1, count).ToArray();
    }

    /// <summary>Gives new entities their ids (reserved as <see cref="ReserveIdsAsync"/> does), table and key from the EF model.</summary>
    public static async Task NumberAsync<T>(AppDbContext db, IReadOnlyList<T> entities, CancellationToken ct) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name + " is not mapped.");
        var key = type.FindPrimaryKey()!.Properties[0].PropertyInfo!;
        var ids = await ReserveIdsAsync(db, type.GetTableName()!, entities.Count, ct);
        for (var k = 0; k < entities.Count; k++)
        {
            key.SetValue(entities[k], key.PropertyType == typeof(long) ? (object)(long)ids[k] : ids[k]);
        }
    }
}
