using System.Globalization;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Campaigns;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Reports;

/// <summary>The summary as tables, a trend, a drafted paragraph, and a drill-down to child units and to the models.</summary>
public class IndexModel([FromKeyedServices(ReadReplica.Key)] AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)] public int Map { get; set; } = Maps.Current;

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    /// <summary>year (this year), phase (2021–2025), or empty for the dates given.</summary>
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public SummaryReport? Report { get; private set; }

    public IReadOnlyList<(int Year, long Maintained, long Recognized)> Trend { get; private set; } = [];

    public string Paragraph { get; private set; } = string.Empty;

    /// <summary>Registration rounds running in the period, targets against registrations in this area.</summary>
    public IReadOnlyList<CampaignRow> Campaigns { get; private set; } = [];

    /// <summary>Citizens' satisfaction answers in the area during the period: (satisfied, all).</summary>
    public (long Satisfied, long Answers) Satisfaction { get; private set; }

    public IReadOnlyList<DanVan.Features.Units.UnitRef> Ancestors { get; private set; } = [];

    /// <summary>Models worth a leader's mention: recognised at the highest level, most recently.</summary>
    public IReadOnlyList<(int Id, string Name, string Unit, RecognitionLevel? Level)> Highlights { get; private set; } = [];

    /// <summary>The caller enters unit reports somewhere (a read-only leader is not offered to).</summary>
    public bool MayReport { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.IsAuthenticated || scope.ReadPaths.Count == 0)
        {
            return Forbid();
        }

        MayReport = scope.CanAnywhere(Operation.ReportResults);
        var today = CampaignsApi.Today(clock);
        (From, To) = Period switch
        {
            "phase" => (new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31)),
            "phase2016" => (new DateOnly(2016, 1, 1), new DateOnly(2020, 12, 31)),
            "year" or null when From is null && To is null => (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31)),
            _ => (From ?? new DateOnly(today.Year, 1, 1), To ?? today),
        };
        if (!Maps.IsKnown(Map))
        {
            Map = Maps.Current;
        }

        // A leader's report opens on their own area.
        if (string.IsNullOrEmpty(Unit) && !scope.CanRead("/"))
        {
            var home = scope.HomePath!;
            Unit = home.TrimEnd('/').Split('/')[^1];
            Map = Maps.Current;
        }

        var (from, to) = (From!.Value, To!.Value);
        try
        {
            if (to < from)
            {
                throw DomainException.For("To", "Ngày kết thúc không thể trước ngày bắt đầu.");
            }

            var target = await Summary.ResolveAsync(db, scope, Unit, Map, ct);
            (Report, Trend) = await Summary.RunWithTrendAsync(db, scope, target, from, to, withTrend: true, ct);
            Paragraph = Summary.Paragraph(Report);
            if (Map == Maps.Current)
            {
                Campaigns = await DanVan.Features.Campaigns.Campaigns.TargetsAgainstResultsAsync(db, scope, target.Path, from, to, ct);
                var answers = await db.SurveyAnswers.AsNoTracking().Where(a => a.Day >= from && a.Day <= to && !a.Held)
                    .Join(db.Surveys.AsNoTracking().WithinPaths([target.Path ?? "/"], s => s.ScopePath), a => a.SurveyId, s => s.Id, (a, s) => a)
                    .GroupBy(a => a.Satisfied).Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct);
                Satisfaction = (answers.Where(a => a.Key).Sum(a => a.N), answers.Sum(a => a.N));
                var highlights = await db.Initiatives.AsNoTracking().ReadableBy(scope, i => i.ScopePath).WithinPaths([target.Path ?? "/"], i => i.ScopePath)
                    .Where(i => i.Status != InitiativeStatus.Retired && i.RegisteredOn <= to)
                    .OrderByDescending(i => i.HighestLevel != null).ThenByDescending(i => i.HighestLevel).ThenByDescending(i => i.FirstRecognizedOn).ThenByDescending(i => i.Id)
                    .Take(3).Select(i => new { i.Id, i.Name, Unit = i.CurrentUnit!.FullName, i.HighestLevel }).ToListAsync(ct);
                Highlights = highlights.Select(h => (h.Id, h.Name, h.Unit, h.HighestLevel)).ToList();
            }
            if (target.Unit is not null)
            {
                Ancestors = (await DanVan.Features.Units.UnitQueries.DetailAsync(db, Map, target.Unit.Code, ct))?.Ancestors ?? [];
            }
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }

        return Page();
    }

    /// <summary>Where a figure of the movement's results comes from.</summary>
    public string SourcesUrl(string indicator) =>
        $"/Reports/Sources?indicator={Uri.EscapeDataString(indicator)}&unit={Uri.EscapeDataString(Report?.Unit.Code ?? string.Empty)}&map={Map}&from={D(From)}&to={D(To)}";

    public string ReportUrl(string? unit, int? map = null) =>
        $"/Reports?unit={Uri.EscapeDataString(unit ?? string.Empty)}&map={map ?? Map}&from={D(From)}&to={D(To)}";

    /// <summary>The models behind a figure of the maintained or recognised blocks.</summary>
    public string ListUrl(string? field = null, string? kind = null, string? origin = null, bool? recognized = null, string? unit = null,
        string? ownerType = null, string? targetGroup = null) =>
        $"/Initiatives?unit={Uri.EscapeDataString(unit ?? Report?.Unit.Code ?? string.Empty)}&map={Map}&asOf={D(To)}"
        + (field is null ? "" : "&field=" + field) + (kind is null ? "" : "&kind=" + kind) + (origin is null ? "" : "&origin=" + origin)
        + (recognized is null ? "" : "&recognized=" + (recognized.Value ? "true" : "false"))
        + (ownerType is null ? "" : "&ownerType=" + ownerType) + (targetGroup is null ? "" : "&targetGroup=" + targetGroup);

    private static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
