using System.Data.Common;
using System.Globalization;
using System.Text;
using DanVan.Data;
using DanVan.Data.Dialects;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DanVan.Features.Reports;

/// <summary>
/// One pass over a covering index that reduces each initiative of a subtree to a small integer — its field, kind,
/// origin, where its dates fall against the period, its level on the last day, and (for the trend) its years — and
/// counts the integers per child unit.
/// </summary>
/// <remarks>
/// Why hand-written SQL: a GROUP BY over a million rows makes SQLite sort them all (about 3 s here), while grouping
/// by the indexed path streams. So on SQLite the database walks the index in path order and hands back each
/// commune's codes (group_concat), and the app tallies them; PostgreSQL hashes the codes itself.
/// </remarks>
public static class SummaryCounts
{
    /// <summary>Trend years kept apart; earlier years fold into the first.</summary>
    public const int TrendYears = 16;

    private const int OwnerCodes = 1440; // 4 fields × 2 kinds × 2 origins × 2 × 3 × 3 × 5

    private const int SummaryCodes = OwnerCodes * 12; // × 12 owner types

    /// <param name="Groups">Counts by everything the blocks count by.</param>
    /// <param name="Children">Maintained and recognised counts by child path.</param>
    /// <param name="ChildFields">Maintained counts by child path and field (the Field's value as index).</param>
    public sealed record Result(List<Summary.Group> Groups, Dictionary<string, (long Maintained, long Recognized)> Children,
        Dictionary<int, long> Trend, int FirstTrendYear, Dictionary<string, long[]> ChildFields);

    public static async Task<Result> CountAsync(AppDbContext db, UserScope scope, Summary.Target target, DateOnly from, DateOnly to,
        IReadOnlyList<string> childPaths, bool withTrend, CancellationToken ct)
    {
        var childLength = childPaths.Count == 0 ? 0 : childPaths[0].Length;
        var dialect = db.Dialect;
        var pathColumn = target.Map == Maps.Current ? "\"ScopePath\"" : "\"LegacyPath\"";
        var firstYear = to.Year - TrendYears + 1;
        var parameters = new List<(string Name, object Value)> { ("from", from), ("to", to), ("first", firstYear) };

        string Index(string column) => dialect.AtLeastZero($"{dialect.Year(column)} - @first");

        var code = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"\"OwnerType\" * {OwnerCodes} + \"Field\" * 360 + \"Kind\" * 180 + \"Origin\" * 90")
            .Append(" + CASE WHEN \"RegisteredOn\" >= @from THEN 45 ELSE 0 END")
            .Append(" + CASE WHEN \"Status\" = 2 AND \"RetiredOn\" <= @to THEN CASE WHEN \"RetiredOn\" >= @from THEN 15 ELSE 30 END ELSE 0 END")
            .Append(" + CASE WHEN \"FirstRecognizedOn\" <= @to THEN CASE WHEN \"FirstRecognizedOn\" >= @from THEN 5 ELSE 10 END ELSE 0 END")
            .Append(" + CASE WHEN \"NationalRecognizedOn\" <= @to THEN 4 WHEN \"ProvinceRecognizedOn\" <= @to THEN 3")
            .Append(" WHEN \"DistrictRecognizedOn\" <= @to THEN 2 WHEN \"CommuneRecognizedOn\" <= @to THEN 1 ELSE 0 END");
        if (withTrend)
        {
            // Year of registration, of retirement (0 = not retired on `to`), of first recognition (0 = not yet), each from the first trend year.
            code.Append(CultureInfo.InvariantCulture, $" + {SummaryCodes} * ({Index("RegisteredOn")}")
                .Append(CultureInfo.InvariantCulture, $" + {TrendYears} * CASE WHEN \"Status\" = 2 AND \"RetiredOn\" <= @to THEN 1 + {Index("RetiredOn")} ELSE 0 END")
                .Append(CultureInfo.InvariantCulture, $" + {TrendYears * (TrendYears + 1)} * CASE WHEN \"FirstRecognizedOn\" <= @to THEN 1 + {Index("FirstRecognizedOn")} ELSE 0 END)");
        }

        var where = new StringBuilder("\"RegisteredOn\" <= @to");
        if (target.Path is not null)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND {pathColumn} >= @lo AND {pathColumn} < @hi");
            parameters.Add(("lo", target.Path));
            parameters.Add(("hi", UnitPaths.UpperBound(target.Path)));
        }

        if (!scope.CanRead("/"))
        {
            var ranges = scope.ReadPaths.Select((p, k) =>
            {
                parameters.Add(($"r{k}", p));
                parameters.Add(($"s{k}", UnitPaths.UpperBound(p)));
                return $"(\"ScopePath\" >= @r{k} AND \"ScopePath\" < @s{k})";
            }).ToList();
            where.Append(" AND (").Append(ranges.Count == 0 ? "1 = 0" : string.Join(" OR ", ranges)).Append(')');
        }

        Dictionary<string, Dictionary<int, long>> tally;
        if (dialect.ReadsCountryInParallel && target.Path is null && childPaths.Count > 1 && db.Database.CurrentTransaction is null)
        {
            // SQLite answers one query on one core; the whole country is cut into contiguous runs of provinces, each
            // read on its own connection (WAL lets readers run side by side), and the tallies are added up.
            // Children differ in size, so the runs are several per core, taken by the cores as they free up.
            var cores = Math.Max(Environment.ProcessorCount, 1);
            var size = Math.Max(1, (childPaths.Count + (4 * cores) - 1) / (4 * cores));
            var cs = db.Database.GetConnectionString()!;
            var parts = new System.Collections.Concurrent.ConcurrentBag<Dictionary<string, Dictionary<int, long>>>();
            await Parallel.ForEachAsync(childPaths.Order(StringComparer.Ordinal).Chunk(size), new ParallelOptions { MaxDegreeOfParallelism = cores, CancellationToken = ct },
                async (chunk, token) =>
                {
                    await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(cs);
                    await connection.OpenAsync(token);
                    var extra = new List<(string, object)>(parameters) { ("clo", chunk[0]), ("chi", UnitPaths.UpperBound(chunk[^1])) };
                    parts.Add(await ReadAsync(connection, null, dialect, $"{where} AND {pathColumn} >= @clo AND {pathColumn} < @chi", extra, code.ToString(), pathColumn, childLength, token));
                });
            tally = new(StringComparer.Ordinal);
            foreach (var part in parts)
            {
                foreach (var (child, codes) in part)
                {
                    var mine = TallyOf(tally, child);
                    foreach (var (c, count) in codes)
                    {
                        mine[c] = mine.GetValueOrDefault(c) + count;
                    }
                }
            }
        }
        else
        {
            var connection = db.Database.GetDbConnection();
            var opened = connection.State != System.Data.ConnectionState.Open;
            if (opened)
            {
                await connection.OpenAsync(ct);
            }

            try
            {
                var outer = db.Database.CurrentTransaction?.GetDbTransaction();
                if (dialect.CountingSettings is { } settings && outer is null)
                {
                    await using var local = await connection.BeginTransactionAsync(ct);
                    await using (var set = connection.CreateCommand())
                    {
                        set.Transaction = local;
                        set.CommandText = settings;
                        await set.ExecuteNonQueryAsync(ct);
                    }

                    tally = await ReadAsync(connection, local, dialect, where.ToString(), parameters, code.ToString(), pathColumn, childLength, ct);
                    await local.CommitAsync(ct);
                }
                else
                {
                    tally = await ReadAsync(connection, outer, dialect, where.ToString(), parameters, code.ToString(), pathColumn, childLength, ct);
                }
            }
            finally
            {
                if (opened)
                {
                    await connection.CloseAsync();
                }
            }
        }

        // The blocks need codes without children; the children need only maintained and recognised counts.
        var groups = new Dictionary<int, long>();
        var children = new Dictionary<string, (long Maintained, long Recognized)>(StringComparer.Ordinal);
        var childFields = new Dictionary<string, long[]>(StringComparer.Ordinal);
        var trend = new Dictionary<int, long>();
        foreach (var (child, full, count) in tally.SelectMany(t => t.Value.Select(c => (t.Key, c.Key, c.Value))))
        {
            var c = full % SummaryCodes;
            groups[c] = groups.GetValueOrDefault(c) + count;
            if (c / 15 % 3 == 0)
            {
                var (m, r) = children.GetValueOrDefault(child);
                children[child] = (m + count, c % 5 != 0 ? r + count : r);
                if (!childFields.TryGetValue(child, out var fields))
                {
                    childFields[child] = fields = new long[Enum.GetValues<Field>().Length];
                }

                fields[c % OwnerCodes / 360] += count;
            }

            if (withTrend)
            {
                trend[full / SummaryCodes] = trend.GetValueOrDefault(full / SummaryCodes) + count;
            }
        }

        return new Result(groups.Select(g => Decode(g.Key, g.Value)).ToList(), children, trend, firstYear, childFields);
    }

    private static async Task<Dictionary<string, Dictionary<int, long>>> ReadAsync(DbConnection connection, DbTransaction? transaction, SqlDialect dialect,
        string where, List<(string Name, object Value)> parameters, string code, string pathColumn, int childLength, CancellationToken ct)
    {
        var tally = new Dictionary<string, Dictionary<int, long>>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = dialect.SummarySql(pathColumn, childLength, code, where);
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = dialect.Parameter(value);
            command.Parameters.Add(p);
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var path = reader.GetString(0);
            var child = childLength == 0 || path.Length < childLength ? string.Empty : path[..childLength];
            if (dialect.CountsGroups)
            {
                var codes = TallyOf(tally, child);
                var c = reader.GetInt32(1);
                codes[c] = codes.GetValueOrDefault(c) + reader.GetInt64(2);
            }
            else
            {
                Tally(TallyOf(tally, child), reader.GetString(1));
            }
        }

        return tally;
    }

    private static Dictionary<int, long> TallyOf(Dictionary<string, Dictionary<int, long>> tally, string child)
    {
        if (!tally.TryGetValue(child, out var codes))
        {
            tally[child] = codes = [];
        }

        return codes;
    }

    // Parses "123,4,56" without allocating a string per number.
    private static void Tally(Dictionary<int, long> tally, string codes)
    {
        var n = 0;
        foreach (var ch in codes)
        {
            if (ch == ',')
            {
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(tally, n, out _)++;
                n = 0;
            }
            else
            {
                n = (n * 10) + (ch - '0');
            }
        }

        if (codes.Length > 0)
        {
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(tally, n, out _)++;
        }
    }

    private static Summary.Group Decode(int full, long count)
    {
        var code = full % OwnerCodes;
        var level = code % 5;
        return new Summary.Group(
            (Field)(code / 360), (InitiativeKind)(code / 180 % 2), (Origin)(code / 90 % 2),
            Registered: code / 45 % 2, Retired: code / 15 % 3, FirstRecognized: code / 5 % 3,
            level == 0 ? null : (RecognitionLevel)(level - 1), count, (OwnerType)(full / OwnerCodes));
    }

    /// <summary>Maintained and recognised initiatives at the end of each trend year (the last point on `to` itself).</summary>
    public static IReadOnlyList<(int Year, long Maintained, long Recognized)> Trend(Result r, DateOnly to)
    {
        if (r.Trend.Count == 0)
        {
            return [];
        }

        // code = registered + 16 × retired + 272 × recognised, each an index from the first trend year (0 = not yet for the last two).
        var rows = r.Trend.Select(t => (Registered: t.Key % TrendYears, Retired: t.Key / TrendYears % (TrendYears + 1), Recognized: t.Key / (TrendYears * (TrendYears + 1)), Count: t.Value)).ToList();
        var first = Math.Max(0, rows.Min(x => x.Registered));
        return Enumerable.Range(first, TrendYears - first).Select(y =>
        {
            var maintained = rows.Where(x => x.Registered <= y && !(x.Retired != 0 && x.Retired - 1 <= y)).ToList();
            return (r.FirstTrendYear + y, maintained.Sum(x => x.Count), maintained.Where(x => x.Recognized != 0 && x.Recognized - 1 <= y).Sum(x => x.Count));
        }).Where(p => p.Item1 >= 2009 && p.Item1 <= to.Year).ToList();
    }
}
