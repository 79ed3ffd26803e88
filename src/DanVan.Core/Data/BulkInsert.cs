using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DanVan.Data;

/// <summary>Multi-row INSERTs for seeding and generated data: one round trip per batch on both databases.</summary>
public static class BulkInsert
{
    public static async Task RunAsync(AppDbContext db, string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var isPostgres = db.Database.IsNpgsql();
        var head = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ";
        // Microsoft.Data.Sqlite binds parameters by name in linear time, so its batches stay small.
        foreach (var batch in rows.Chunk(isPostgres ? Math.Max(1, 30000 / columns.Length) : 40))
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
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
                    p.Value = batch[r][c] switch
                    {
                        null => DBNull.Value,
                        DateOnly d when !isPostgres => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        DateTimeOffset t when !isPostgres => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
                        bool b when !isPostgres => b ? 1 : 0,
                        var v => v,
                    };
                    command.Parameters.Add(p);
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
