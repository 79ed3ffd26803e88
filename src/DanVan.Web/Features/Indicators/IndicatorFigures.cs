using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Indicators;

/// <summary>One standard indicator's figure for a unit and period, with where it comes from.</summary>
public sealed record IndicatorFigure(string Name, string Unit, string Aggregation, decimal Total, decimal FromInitiatives, decimal FromUnitReports,
    decimal FromSurveys, IReadOnlyDictionary<string, decimal> ByCategory);

/// <summary>
/// The movement's results for the summary: models' result values and units' own reports, added up by each indicator's
/// rule, never counting a figure twice.
/// </summary>
/// <remarks>
/// A value counts when its period lies entirely within [from, to]. Within one source (a model, or a unit or
/// organisation) periods that overlap are not added: the longest period inside the range is taken and the shorter ones
/// it covers are left out (a year's report and its quarters are the same work). "last" indicators take each source's
/// latest period. The citizens' survey answers count as ballots, a third source.
/// </remarks>
public static class IndicatorFigures
{
    /// <summary>One value: its source (a model's id, or minus a unit report's unit and organisation key), period and figure.</summary>
    private readonly record struct Row(long Source, int IndicatorId, string? Category, decimal Value, DateOnly Start, DateOnly End);

    public static async Task<Dictionary<string, IndicatorFigure>> ComputeAsync(AppDbContext db, UserScope scope, int map, string? path, DateOnly from, DateOnly to,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var within = path ?? "/";
        var catalogue = await db.Indicators.AsNoTracking().OrderBy(i => i.SortOrder).ToListAsync(ct);

        // Models: their result reports whose period starts in the range (the end is checked below).
        var initiatives = db.Initiatives.AsNoTracking().ReadableBy(scope, i => i.ScopePath);
        initiatives = map == Maps.Current ? initiatives.WithinPaths([within], i => i.ScopePath) : initiatives.WithinPaths([within], i => i.LegacyPath);
        var modelRows = await db.IndicatorValues.AsNoTracking().Where(v => v.IndicatorId != null && v.CanonicalValue != null)
            .Join(db.ResultReports.AsNoTracking().Where(r => r.PeriodStart >= from && r.PeriodStart <= to), v => v.ReportId, r => r.Id, (v, r) => new { v, r })
            .Join(initiatives, x => x.r.InitiativeId, i => i.Id,
                (x, i) => new { i.Id, IndicatorId = x.v.IndicatorId!.Value, x.v.Category, Value = x.v.CanonicalValue!.Value, x.r.PeriodKind, x.r.PeriodStart })
            .ToListAsync(ct);
        var fromModels = modelRows.Select(r => new Row(r.Id, r.IndicatorId, r.Category, r.Value, r.PeriodStart, End(r.PeriodKind, r.PeriodStart)))
            .Where(r => r.End <= to).ToLookup(r => r.IndicatorId);

        // Units' own reports: whole periods inside the range, rolled into today's units (or the old map's, for its reports).
        var reports = db.UnitReports.AsNoTracking().ReadableBy(scope, r => r.ScopePath).Where(r => r.PeriodStart >= from && r.PeriodEnd <= to);
        reports = map == Maps.Current ? reports.WithinPaths([within], r => r.ScopePath) : reports.WithinPaths([within], r => r.LegacyPath);
        var unitRows = await db.UnitReportValues.AsNoTracking()
            .Join(reports, v => v.ReportId, r => r.Id, (v, r) => new { r.UnitId, r.OrganizationId, v.IndicatorId, v.Category, v.Value, r.PeriodStart, r.PeriodEnd })
            .ToListAsync(ct);
        var fromUnits = unitRows.Select(r => new Row(-(((long)r.UnitId << 31) + (r.OrganizationId ?? 0)) - 1, r.IndicatorId, r.Category, r.Value, r.PeriodStart, r.PeriodEnd))
            .ToLookup(r => r.IndicatorId);

        // Citizens' answers to the models' surveys: ballots, and satisfied ones.
        var surveys = db.Surveys.AsNoTracking().ReadableBy(scope, s => s.ScopePath).WithinPaths([map == Maps.Current ? within : "/"], s => s.ScopePath);
        var answers = map == Maps.Current
            ? await db.SurveyAnswers.AsNoTracking().Where(a => a.Day >= from && a.Day <= to && !a.Held)
                .Join(surveys, a => a.SurveyId, s => s.Id, (a, s) => a).GroupBy(a => a.Satisfied).Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct)
            : [];

        var result = new Dictionary<string, IndicatorFigure>(StringComparer.Ordinal);
        foreach (var indicator in catalogue)
        {
            var models = Reduce(fromModels[indicator.Id], indicator.Aggregation);
            var units = Reduce(fromUnits[indicator.Id], indicator.Aggregation);
            var surveyCount = indicator.Code switch
            {
                "ballots_total" => answers.Sum(a => a.N),
                "ballots_satisfied" => answers.Where(a => a.Key).Sum(a => a.N),
                _ => 0L,
            };
            var categories = indicator.CategoryList.ToDictionary(c => c, c => models.ByCategory.GetValueOrDefault(c) + units.ByCategory.GetValueOrDefault(c), StringComparer.Ordinal);
            result[indicator.Code] = new IndicatorFigure(indicator.Name, indicator.Unit, EnumKeys.Key(indicator.Aggregation), models.Total + units.Total + surveyCount,
                models.Total, units.Total, surveyCount, categories);
        }

        return result;
    }

    private static DateOnly End(PeriodKind kind, DateOnly start) => kind switch
    {
        PeriodKind.Month => start.AddMonths(1).AddDays(-1),
        PeriodKind.Quarter => start.AddMonths(3).AddDays(-1),
        _ => start.AddYears(1).AddDays(-1),
    };

    /// <summary>One source's periods without overlaps (the longest first), then its total and categories by the indicator's rule.</summary>
    private static (decimal Total, Dictionary<string, decimal> ByCategory) Reduce(IEnumerable<Row> rows, Aggregation aggregation)
    {
        decimal total = 0;
        var byCategory = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var source in rows.GroupBy(r => r.Source))
        {
            // Most sources report one period per value, or periods of one length: nothing overlaps, nothing to choose.
            if (aggregation == Aggregation.Sum && source.All(r => r.Category is null) && source.Select(r => r.End.DayNumber - r.Start.DayNumber).Distinct().Take(2).Count() == 1
                && source.Select(r => r.Start).Distinct().Count() == source.Count())
            {
                total += source.Sum(r => r.Value);
                continue;
            }

            if (aggregation == Aggregation.Last)
            {
                // The latest period; of two ending the same day (a year and its fourth quarter), the longer.
                var end = DateOnly.MinValue;
                var start = DateOnly.MaxValue;
                foreach (var r in source)
                {
                    if (r.End > end || (r.End == end && r.Start < start))
                    {
                        (end, start) = (r.End, r.Start);
                    }
                }

                Add(source.Where(r => r.End == end && r.Start == start));
                continue;
            }

            // Overlapping periods of one source: the longest first, the shorter ones it covers left out.
            var taken = new List<List<Row>>();
            foreach (var p in source.GroupBy(r => (r.Start, r.End)).Select(g => g.ToList()).OrderByDescending(p => p[0].End.DayNumber - p[0].Start.DayNumber).ThenBy(p => p[0].Start))
            {
                if (!taken.Any(t => t[0].Start <= p[0].End && p[0].Start <= t[0].End))
                {
                    taken.Add(p);
                    Add(p);
                }
            }
        }

        return (total, byCategory);

        void Add(IEnumerable<Row> period)
        {
            decimal given = 0, parts = 0;
            var hasTotal = false;
            foreach (var r in period)
            {
                if (r.Category is null)
                {
                    given += r.Value;
                    hasTotal = true;
                }
                else
                {
                    parts += r.Value;
                    byCategory[r.Category] = byCategory.GetValueOrDefault(r.Category) + r.Value;
                }
            }

            // A total given is the total; categories alone add up to it.
            total += hasTotal ? given : parts;
        }
    }
}
