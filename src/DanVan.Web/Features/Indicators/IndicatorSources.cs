using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Reports;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Indicators;

/// <summary>One child unit's share of a figure.</summary>
public sealed record SourceShare(string Code, string Name, decimal FromInitiatives, decimal FromUnitReports);

/// <summary>
/// One recorded figure behind a total: a model's result value or a unit report's, with whether it counts (a period
/// covered by a longer one of the same source in the range, or an earlier stock, does not).
/// </summary>
/// <param name="ReportLink">For a unit report: the query of its page (unit, map, period).</param>
/// <param name="Parts">For a total given with its categories: the categories (key → value), shown with it rather than as figures of their own.</param>
public sealed record SourceFigure(string Source, int? InitiativeId, string Name, string? UnitCode, string Period, string? Category, decimal Value, bool Counted,
    string? ReportLink = null, IReadOnlyDictionary<string, decimal>? Parts = null);

/// <param name="Children">The figure by child unit, for going down the tree.</param>
/// <param name="Figures">The figures recorded at this unit itself (all of them for a commune).</param>
public sealed record SourcesView(string Code, string Name, string Unit, string Aggregation, SummaryUnit Area, DateOnly From, DateOnly To, decimal Total,
    decimal FromInitiatives, decimal FromUnitReports, IReadOnlyList<SourceShare> Children, IReadOnlyList<SourceFigure> Figures);

/// <summary>Where a figure of the summary comes from: down the unit tree to the models and reports that make it.</summary>
public static class IndicatorSources
{
    public static async Task<SourcesView> RunAsync(AppDbContext db, UserScope scope, string? indicatorCode, string? unitCode, int map, DateOnly from, DateOnly to,
        CancellationToken ct)
    {
        if (to < from)
        {
            throw DomainException.For("to", "Ngày kết thúc không thể trước ngày bắt đầu.");
        }

        var indicator = await IndicatorCatalogue.ReadableBy(db, scope).FirstOrDefaultAsync(i => i.Code == indicatorCode, ct)
            ?? throw DomainException.For("indicator", "Không có chỉ tiêu này trong danh mục.");
        var target = await Summary.ResolveAsync(db, scope, unitCode, map, ct);
        var children = await Summary.ChildrenAsync(db, target, ct);

        // The children's shares from the rollup, by the same rule as the summary.
        var rows = await IndicatorFigures.Counted(db, scope, map, target.Path, from, to).Where(t => t.IndicatorId == indicator.Id && t.InTotal)
            .GroupBy(t => new { Path = map == Maps.Current ? t.ScopePath : t.LegacyPath, t.Source })
            .Select(g => new { g.Key.Path, g.Key.Source, Billions = g.Sum(t => t.Whole / IndicatorTotal.Billion), Low = g.Sum(t => t.Whole % IndicatorTotal.Billion), Millionths = g.Sum(t => t.Millionths) })
            .ToListAsync(ct);
        var values = rows.Select(r => (r.Path, r.Source, Value: IndicatorTotal.Add(r.Billions, r.Low, r.Millionths))).ToList();
        decimal Of(IEnumerable<(string Path, FigureSource Source, decimal Value)> xs, FigureSource s) => xs.Where(x => x.Source == s).Sum(x => x.Value);
        var shares = children.Select(c =>
        {
            var mine = values.Where(v => UnitPaths.Contains(c.Path, v.Path) || v.Path == c.Path).ToList();
            return new SourceShare(c.Code, c.Name, Of(mine, FigureSource.Models), Of(mine, FigureSource.UnitReports));
        }).Where(s => s.FromInitiatives != 0 || s.FromUnitReports != 0).ToList();

        var figures = target.Path is null ? [] : await FiguresAtAsync(db, scope, indicator, map, target.Path, from, to, ct);
        return new SourcesView(indicator.Code, indicator.Name, indicator.Unit, EnumKeys.Key(indicator.Aggregation),
            new SummaryUnit(target.Unit?.Code, target.Unit?.FullName ?? "Toàn quốc", map), from, to,
            values.Sum(v => v.Value), Of(values, FigureSource.Models), Of(values, FigureSource.UnitReports), shares, figures);
    }

    /// <summary>The figures recorded at exactly this unit, each marked counted or not by the summary's rule.</summary>
    private static async Task<List<SourceFigure>> FiguresAtAsync(AppDbContext db, UserScope scope, Indicator indicator, int map, string path, DateOnly from, DateOnly to,
        CancellationToken ct)
    {
        var initiatives = db.Initiatives.AsNoTracking().ReadableBy(scope, i => i.ScopePath).Where(i => map == Maps.Current ? i.ScopePath == path : i.LegacyPath == path);
        var models = await db.IndicatorValues.AsNoTracking().Where(v => v.IndicatorId == indicator.Id && v.CanonicalValue != null)
            .Join(db.ResultReports.AsNoTracking().Where(r => r.PeriodStart >= from && r.PeriodStart <= to), v => v.ReportId, r => r.Id, (v, r) => new { v, r })
            .Join(initiatives, x => x.r.InitiativeId, i => i.Id,
                (x, i) => new { i.Id, i.Name, Unit = i.CurrentUnit!.Code, x.v.Category, Value = x.v.CanonicalValue!.Value, x.r.PeriodKind, x.r.PeriodStart })
            .Take(2_000).ToListAsync(ct);
        var reports = db.UnitReports.AsNoTracking().ReadableBy(scope, r => r.ScopePath).Where(r => map == Maps.Current ? r.ScopePath == path : r.LegacyPath == path)
            .Where(r => r.PeriodStart >= from && r.PeriodEnd <= to);
        var units = await db.UnitReportValues.AsNoTracking().Where(v => v.IndicatorId == indicator.Id)
            .Join(reports, v => v.ReportId, r => r.Id, (v, r) => new
            {
                r.UnitId, r.OrganizationId, UnitName = r.Unit!.FullName, UnitCode = r.Unit.Code, UnitMap = r.Unit.Map, OrgName = r.Organization != null ? r.Organization.Name : null,
                r.Period, r.PeriodStart, r.PeriodEnd, v.Category, v.Value,
            })
            .Take(2_000).ToListAsync(ct);

        var last = indicator.Aggregation == Aggregation.Last ? new HashSet<int> { indicator.Id } : [];
        var all = models.Select(m =>
            {
                var (periodEnd, periodLabel) = (ResultReport.EndOf(m.PeriodKind, m.PeriodStart), ResultReport.LabelOf(m.PeriodKind, m.PeriodStart));
                return (Figure: new IndicatorRollup.Figure(m.Id, string.Empty, indicator.Id, m.Category, m.Value, m.PeriodStart, periodEnd),
                    Shown: new SourceFigure("initiative", m.Id, m.Name, m.Unit, periodLabel, m.Category, m.Value, false));
            })
            .Concat(units.Select(u => (Figure: new IndicatorRollup.Figure(-(((long)u.UnitId << 31) + (u.OrganizationId ?? 0)) - 1, string.Empty, indicator.Id, u.Category, u.Value,
                    u.PeriodStart, u.PeriodEnd),
                Shown: new SourceFigure("unit_report", null, u.OrgName ?? u.UnitName, u.UnitCode, ReportPeriod.Parse(u.Period).Label, u.Category, u.Value, false,
                    $"unit={u.UnitCode}&map={u.UnitMap}&period={u.Period}" + (u.OrganizationId is { } o ? $"&organizationId={o}" : string.Empty)))))
            .Where(x => x.Figure.End <= to).ToList();
        var counted = IndicatorRollup.Counting(all.Select(x => x.Figure).ToList(), last, from, to);
        // A total given with its categories is one figure: the categories go with it.
        return all.Select((x, k) => (x.Figure, Shown: x.Shown with { Counted = counted[k] }))
            .GroupBy(x => (x.Figure.Source, x.Figure.Start, x.Figure.End))
            .SelectMany(g => g.FirstOrDefault(x => x.Figure.Category is null) is { Shown: not null } total
                ? [total.Shown with { Parts = g.Where(x => x.Figure.Category is not null).GroupBy(x => x.Figure.Category!).ToDictionary(c => c.Key, c => c.Sum(x => x.Figure.Value)) }]
                : g.Select(x => x.Shown))
            .OrderByDescending(f => f.Counted).ThenByDescending(f => f.Value).ToList();
    }
}
