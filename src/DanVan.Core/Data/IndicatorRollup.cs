using DanVan.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DanVan.Data;

/// <summary>
/// Keeps <see cref="IndicatorTotal"/> in step with the figures: every save that touches a model's result values, a unit
/// report or where a model counts recomputes the totals of the unit paths it touched, in the same transaction.
/// </summary>
/// <remarks>
/// Recomputing a whole path (a commune's few thousand values) rather than applying deltas keeps one rule: the totals
/// are always what <see cref="Roll"/> makes of the records. On PostgreSQL a path is locked (advisory, for the
/// transaction) before it is read, so two saves on one commune cannot both write its totals.
/// </remarks>
public static class IndicatorRollup
{
    /// <summary>One figure of one source, as recorded.</summary>
    public readonly record struct Figure(long Source, string LegacyPath, int IndicatorId, string? Category, decimal Value, DateOnly Start, DateOnly End);

    /// <summary>What a save touched, read before it (the ids of rows being added are known only after).</summary>
    public sealed class Touched
    {
        internal HashSet<string> Paths { get; } = new(StringComparer.Ordinal);

        internal List<ResultReport> Reports { get; } = [];

        internal List<IndicatorValue> Values { get; } = [];

        internal HashSet<int> ReportIds { get; } = [];

        internal List<UnitReport> UnitReports { get; } = [];

        internal List<UnitReportValue> UnitValues { get; } = [];

        internal HashSet<int> UnitReportIds { get; } = [];

        internal bool Everything { get; set; }
    }

    /// <summary>The figures a pending save touches, or null when it touches none.</summary>
    public static Touched? Capture(ChangeTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        Touched? t = null;
        Touched T() => t ??= new Touched();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case ResultReport r:
                    T().Reports.Add(r);
                    break;
                case IndicatorValue v:
                    T().Values.Add(v);
                    if (entry.State != EntityState.Added)
                    {
                        T().ReportIds.Add((int)entry.Property(nameof(IndicatorValue.ReportId)).OriginalValue!);
                    }

                    break;
                case Initiative i when entry.State == EntityState.Deleted
                                       || (entry.State == EntityState.Modified && (entry.Property(nameof(Initiative.ScopePath)).IsModified || entry.Property(nameof(Initiative.LegacyPath)).IsModified)):
                    // A model that moves takes its figures along; a new one brings them through its reports.
                    T().Paths.Add((string)entry.Property(nameof(Initiative.ScopePath)).OriginalValue!);
                    T().Paths.Add(i.ScopePath);
                    break;
                case UnitReport u:
                    T().UnitReports.Add(u);
                    if (entry.State != EntityState.Added)
                    {
                        T().Paths.Add((string)entry.Property(nameof(UnitReport.ScopePath)).OriginalValue!);
                    }

                    break;
                case UnitReportValue uv:
                    T().UnitValues.Add(uv);
                    if (entry.State != EntityState.Added)
                    {
                        T().UnitReportIds.Add((int)entry.Property(nameof(UnitReportValue.ReportId)).OriginalValue!);
                    }

                    break;
                case Indicator when entry.State == EntityState.Modified && entry.Property(nameof(Indicator.Aggregation)).IsModified:
                    T().Everything = true;
                    break;
            }
        }

        return t;
    }

    /// <summary>
    /// The sources of figures one or more saves touched, by what they are (models, unit reports, paths moved from):
    /// their paths are read when the totals are computed, so a model moved meanwhile is counted where it is.
    /// </summary>
    public sealed class Sources
    {
        internal HashSet<string> Paths { get; } = new(StringComparer.Ordinal);

        internal HashSet<int> InitiativeIds { get; } = [];

        internal HashSet<int> UnitReportIds { get; } = [];

        internal bool Everything { get; set; }

        internal void Add(Sources other)
        {
            Paths.UnionWith(other.Paths);
            InitiativeIds.UnionWith(other.InitiativeIds);
            UnitReportIds.UnionWith(other.UnitReportIds);
            Everything |= other.Everything;
        }
    }

    /// <summary>
    /// Until <see cref="Deferral.FlushAsync"/>, the saves of <paramref name="db"/> only note what they touched: a bulk run (an
    /// import of thousands of figures) computes each touched path's totals once, at its end, in its transaction, not
    /// once a row (which read the path's figures again for every row: quadratic in a commune's rows). The totals are
    /// the same, since a path's totals are always computed whole from its records.
    /// </summary>
    public static Deferral Defer(AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.DeferredRollup is not null)
        {
            throw new InvalidOperationException("The rollup is already deferred on this context.");
        }

        db.DeferredRollup = new Sources();
        return new Deferral(db);
    }

    /// <summary>A deferred rollup: <see cref="FlushAsync"/> computes the totals; disposing without it (a rollback) drops what was noted.</summary>
    public sealed class Deferral(AppDbContext db) : IDisposable
    {
        /// <summary>The totals of everything the deferred saves touched, computed now, in the caller's transaction.</summary>
        public async Task FlushAsync(CancellationToken ct)
        {
            if (db.DeferredRollup is not { } sources)
            {
                return;
            }

            db.DeferredRollup = null;
            await RefreshAsync(db, sources, ct);
        }

        public void Dispose() => db.DeferredRollup = null;
    }

    /// <summary>After the save, in its transaction: the touched paths' totals computed again (or noted, when deferred).</summary>
    public static async Task RefreshAsync(AppDbContext db, Touched touched, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(touched);
        var sources = new Sources { Everything = touched.Everything };
        sources.Paths.UnionWith(touched.Paths);
        sources.Paths.UnionWith(touched.UnitReports.Select(u => u.ScopePath));
        sources.InitiativeIds.UnionWith(touched.Reports.Select(r => r.InitiativeId));
        var reportIds = touched.ReportIds.Concat(touched.Values.Select(v => v.ReportId)).Where(id => id > 0).Except(touched.Reports.Select(r => r.Id));
        foreach (var chunk in reportIds.Chunk(500))
        {
            sources.InitiativeIds.UnionWith(await db.ResultReports.AsNoTracking().Where(r => chunk.Contains(r.Id)).Select(r => r.InitiativeId).ToListAsync(ct));
        }

        sources.UnitReportIds.UnionWith(touched.UnitReportIds.Concat(touched.UnitValues.Select(v => v.ReportId)).Except(touched.UnitReports.Select(u => u.Id)));
        if (db.DeferredRollup is { } deferred)
        {
            deferred.Add(sources);
            return;
        }

        await RefreshAsync(db, sources, ct);
    }

    private static async Task RefreshAsync(AppDbContext db, Sources sources, CancellationToken ct)
    {
        if (sources.Everything)
        {
            await RebuildAsync(db, ct);
            return;
        }

        async Task<HashSet<string>> PathsAsync()
        {
            var paths = new HashSet<string>(sources.Paths, StringComparer.Ordinal);
            foreach (var chunk in sources.InitiativeIds.Chunk(500))
            {
                paths.UnionWith(await db.Initiatives.AsNoTracking().Where(i => chunk.Contains(i.Id)).Select(i => i.ScopePath).ToListAsync(ct));
            }

            foreach (var chunk in sources.UnitReportIds.Chunk(500))
            {
                paths.UnionWith(await db.UnitReports.AsNoTracking().Where(r => chunk.Contains(r.Id)).Select(r => r.ScopePath).ToListAsync(ct));
            }

            paths.RemoveWhere(p => p.Length == 0);
            return paths;
        }

        var first = await PathsAsync();
        await RecomputeAsync(db, [.. first], ct);
        if (db.Database.IsNpgsql())
        {
            // A model moved by another transaction that committed while this one waited for the locks: its new place
            // is only visible now, so it is recomputed too (under its own lock).
            var moved = (await PathsAsync()).Except(first).ToList();
            if (moved.Count > 0)
            {
                await RecomputeAsync(db, moved, ct);
            }
        }
    }

    /// <summary>Every total computed again from the records (after generated data, or to check the rollup).</summary>
    public static async Task RebuildAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var paths = await db.Initiatives.AsNoTracking().Where(i => db.ResultReports.Any(r => r.InitiativeId == i.Id)).Select(i => i.ScopePath).Distinct()
            .Union(db.UnitReports.AsNoTracking().Select(r => r.ScopePath).Distinct()).ToListAsync(ct);
        await db.IndicatorTotals.ExecuteDeleteAsync(ct);
        await RecomputeAsync(db, paths, ct);
    }

    private static async Task RecomputeAsync(AppDbContext db, List<string> paths, CancellationToken ct)
    {
        if (paths.Count == 0)
        {
            return;
        }

        paths = paths.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var last = (await db.Indicators.AsNoTracking().Where(i => i.Aggregation == Aggregation.Last).Select(i => i.Id).ToListAsync(ct)).ToHashSet();
        if (db.Database.IsNpgsql())
        {
            var array = paths.ToArray();
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT DISTINCT hashtext(p) AS k FROM unnest({array}) AS p ORDER BY k) AS s", ct);
        }

        foreach (var chunk in paths.Chunk(200))
        {
            await db.IndicatorTotals.Where(t => chunk.Contains(t.ScopePath)).ExecuteDeleteAsync(ct);
            var models = await db.IndicatorValues.AsNoTracking().Where(v => v.IndicatorId != null && v.CanonicalValue != null)
                .Join(db.ResultReports.AsNoTracking(), v => v.ReportId, r => r.Id, (v, r) => new { v, r })
                .Join(db.Initiatives.AsNoTracking().Where(i => chunk.Contains(i.ScopePath)), x => x.r.InitiativeId, i => i.Id,
                    (x, i) => new { i.ScopePath, i.LegacyPath, i.Id, IndicatorId = x.v.IndicatorId!.Value, x.v.Category, Value = x.v.CanonicalValue!.Value, x.r.PeriodKind, x.r.PeriodStart })
                .ToListAsync(ct);
            var units = await db.UnitReportValues.AsNoTracking()
                .Join(db.UnitReports.AsNoTracking().Where(r => chunk.Contains(r.ScopePath)), v => v.ReportId, r => r.Id,
                    (v, r) => new { r.ScopePath, r.LegacyPath, r.UnitId, r.OrganizationId, v.IndicatorId, v.Category, v.Value, r.PeriodStart, r.PeriodEnd })
                .ToListAsync(ct);

            var rows = new List<object?[]>();
            foreach (var path in models.GroupBy(m => m.ScopePath))
            {
                Add(rows, path.Key, FigureSource.Models,
                    Roll(path.Select(m => new Figure(m.Id, m.LegacyPath, m.IndicatorId, m.Category, m.Value, m.PeriodStart, ResultReport.EndOf(m.PeriodKind, m.PeriodStart))), last));
            }

            foreach (var path in units.GroupBy(u => u.ScopePath))
            {
                Add(rows, path.Key, FigureSource.UnitReports,
                    Roll(path.Select(u => new Figure(((long)u.UnitId << 31) + (u.OrganizationId ?? 0), u.LegacyPath, u.IndicatorId, u.Category, u.Value, u.PeriodStart, u.PeriodEnd)), last));
            }

            if (rows.Count > 0)
            {
                await BulkInsert.RunAsync(db, "IndicatorTotals",
                    ["ScopePath", "LegacyPath", "IndicatorId", "Category", "Source", "PeriodStart", "PeriodEnd", "CoverStart", "CoverEnd", "NextEnd", "InTotal", "Whole", "Millionths"],
                    rows, ct);
            }
        }
    }

    private static void Add(List<object?[]> rows, string path, FigureSource source, IEnumerable<IndicatorTotal> totals)
    {
        foreach (var t in totals)
        {
            rows.Add([path, t.LegacyPath, t.IndicatorId, t.Category, (int)source, t.PeriodStart, t.PeriodEnd, t.CoverStart, t.CoverEnd, t.NextEnd, t.InTotal, t.Whole, t.Millionths]);
        }
    }

    /// <summary>
    /// One path's figures added up by everything that decides whether they count: legacy path, indicator, category,
    /// period, the smallest longer period of the same source covering it, the source's next period (for "last"
    /// indicators), and whether it is part of the total.
    /// </summary>
    public static List<IndicatorTotal> Roll(IEnumerable<Figure> figures, IReadOnlySet<int> lastIndicators)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var list = figures as IReadOnlyList<Figure> ?? figures.ToList();
        var sums = new Dictionary<(string Legacy, int Indicator, string Category, DateOnly Start, DateOnly End, DateOnly CoverStart, DateOnly CoverEnd, DateOnly Next, bool InTotal), decimal>();
        var described = Describe(list, lastIndicators);
        for (var k = 0; k < list.Count; k++)
        {
            var (f, (cover, next, inTotal)) = (list[k], described[k]);
            var key = (f.LegacyPath, f.IndicatorId, f.Category ?? string.Empty, f.Start, f.End, cover.Start, cover.End, next, inTotal);
            sums[key] = sums.GetValueOrDefault(key) + f.Value;
        }

        return sums.Select(s =>
        {
            var whole = decimal.Floor(s.Value);
            return new IndicatorTotal
            {
                LegacyPath = s.Key.Legacy, IndicatorId = s.Key.Indicator, Category = s.Key.Category, PeriodStart = s.Key.Start, PeriodEnd = s.Key.End,
                CoverStart = s.Key.CoverStart, CoverEnd = s.Key.CoverEnd, NextEnd = s.Key.Next, InTotal = s.Key.InTotal,
                Whole = (long)whole, Millionths = (long)decimal.Round((s.Value - whole) * 1_000_000m),
            };
        }).ToList();
    }

    /// <summary>For each figure, whether it counts in [from, to]: the summary's test, figure by figure.</summary>
    public static bool[] Counting(IReadOnlyList<Figure> figures, IReadOnlySet<int> lastIndicators, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var described = Describe(figures, lastIndicators);
        return figures.Select((f, k) => f.Start >= from && f.End <= to && !(described[k].Cover.Start >= from && described[k].Cover.End <= to) && described[k].Next > to)
            .ToArray();
    }

    /// <summary>Each figure's cover (the smallest longer period of its source), next period (stocks only) and part in the total.</summary>
    private static ((DateOnly Start, DateOnly End) Cover, DateOnly Next, bool InTotal)[] Describe(IReadOnlyList<Figure> figures, IReadOnlySet<int> lastIndicators)
    {
        ArgumentNullException.ThrowIfNull(lastIndicators);
        var result = new ((DateOnly, DateOnly), DateOnly, bool)[figures.Count];
        foreach (var source in Enumerable.Range(0, figures.Count).GroupBy(k => (figures[k].Source, figures[k].IndicatorId)))
        {
            var periods = source.Select(k => (figures[k].Start, figures[k].End)).Distinct().ToList();
            var withTotal = source.Where(k => figures[k].Category is null).Select(k => (figures[k].Start, figures[k].End)).ToHashSet();
            var isLast = lastIndicators.Contains(source.Key.IndicatorId);
            foreach (var k in source)
            {
                var f = figures[k];
                var cover = (Start: IndicatorTotal.None, End: IndicatorTotal.None);
                var next = IndicatorTotal.None;
                foreach (var p in periods)
                {
                    var longer = p.Start <= f.Start && p.End >= f.End && p != (f.Start, f.End);
                    if (longer && (cover.End == IndicatorTotal.None || p.End.DayNumber - p.Start.DayNumber < cover.End.DayNumber - cover.Start.DayNumber))
                    {
                        cover = p;
                    }

                    if (isLast && p.Start > f.End && p.End < next)
                    {
                        next = p.End;
                    }
                }

                result[k] = (cover, next, f.Category is null || !withTotal.Contains((f.Start, f.End)));
            }
        }

        return result;
    }
}
