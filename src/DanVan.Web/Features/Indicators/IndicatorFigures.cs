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
/// organisation) a period covered by a longer one inside the range is left out (a year's report and its quarters are
/// the same work); "last" indicators take each source's latest period. The sums come from <see cref="IndicatorTotal"/>,
/// the rollup kept with every write, which carries for each figure what decides this. The citizens' survey answers
/// count as ballots, a third source.
/// </remarks>
public static class IndicatorFigures
{
    /// <summary>The rollup's rows that count in [from, to] under the unit (null = the country), on either map.</summary>
    public static IQueryable<IndicatorTotal> Counted(AppDbContext db, UserScope scope, int map, string? path, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(db);
        var totals = db.IndicatorTotals.AsNoTracking().ReadableBy(scope, t => t.ScopePath);
        totals = map == Maps.Current ? totals.WithinPaths([path ?? "/"], t => t.ScopePath) : totals.WithinPaths([path ?? "/"], t => t.LegacyPath);
        return totals.Where(t => t.PeriodStart >= from && t.PeriodEnd <= to && !(t.CoverStart >= from && t.CoverEnd <= to) && t.NextEnd > to);
    }

    public static async Task<Dictionary<string, IndicatorFigure>> ComputeAsync(AppDbContext db, UserScope scope, int map, string? path, DateOnly from, DateOnly to,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var within = path ?? "/";
        var catalogue = await db.Indicators.AsNoTracking().OrderBy(i => i.SortOrder).ToListAsync(ct);

        var sums = await Counted(db, scope, map, path, from, to)
            .GroupBy(t => new { t.IndicatorId, t.Category, t.Source, t.InTotal })
            .Select(g => new { g.Key.IndicatorId, g.Key.Category, g.Key.Source, g.Key.InTotal, Billions = g.Sum(t => t.Whole / IndicatorTotal.Billion), Low = g.Sum(t => t.Whole % IndicatorTotal.Billion), Millionths = g.Sum(t => t.Millionths) })
            .ToListAsync(ct);
        var rows = sums.Select(s => (s.IndicatorId, s.Category, s.Source, s.InTotal, Value: IndicatorTotal.Add(s.Billions, s.Low, s.Millionths))).ToLookup(s => s.IndicatorId);

        // Citizens' answers to the models' surveys: ballots, and satisfied ones.
        var surveys = db.Surveys.AsNoTracking().ReadableBy(scope, s => s.ScopePath).WithinPaths([map == Maps.Current ? within : "/"], s => s.ScopePath);
        var answers = map == Maps.Current
            ? await db.SurveyAnswers.AsNoTracking().Where(a => a.Day >= from && a.Day <= to && !a.Held)
                .Join(surveys, a => a.SurveyId, s => s.Id, (a, s) => a).GroupBy(a => a.Satisfied).Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct)
            : [];

        var result = new Dictionary<string, IndicatorFigure>(StringComparer.Ordinal);
        foreach (var indicator in catalogue)
        {
            var mine = rows[indicator.Id].ToList();
            decimal Total(FigureSource source) => mine.Where(r => r.Source == source && r.InTotal).Sum(r => r.Value);
            var surveyCount = indicator.Code switch
            {
                "ballots_total" => answers.Sum(a => a.N),
                "ballots_satisfied" => answers.Where(a => a.Key).Sum(a => a.N),
                _ => 0L,
            };
            var categories = indicator.CategoryList.ToDictionary(c => c, c => mine.Where(r => r.Category == c).Sum(r => r.Value), StringComparer.Ordinal);
            var models = Total(FigureSource.Models);
            var units = Total(FigureSource.UnitReports);
            result[indicator.Code] = new IndicatorFigure(indicator.Name, indicator.Unit, EnumKeys.Key(indicator.Aggregation), models + units + surveyCount,
                models, units, surveyCount, categories);
        }

        return result;
    }
}
