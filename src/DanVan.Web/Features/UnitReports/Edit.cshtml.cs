using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Indicators;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.UnitReports;

/// <summary>
/// A unit's report for a period, one line per standard indicator; beside each line what the unit's models reported for
/// the same period, so that nobody types those again.
/// </summary>
public class EditModel(AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "unit")] public string? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = "map")] public int Map { get; set; } = Maps.Current;

    [BindProperty(SupportsGet = true, Name = "period")] public string? Period { get; set; }

    /// <summary>An organisation of the unit reporting for itself (a mass organisation, a cooperative…); empty = the unit.</summary>
    [BindProperty(SupportsGet = true, Name = "organizationId")] public int? OrganizationId { get; set; }

    public string? OrganizationName { get; private set; }

    /// <summary>The unit's organisations, each of which may report for itself.</summary>
    public List<(int Id, string Name)> Organizations { get; private set; } = [];

    [BindProperty] public UnitReportInput Input { get; set; } = new();

    public string UnitName { get; private set; } = string.Empty;

    /// <summary>The caller may read this unit's report but not enter it.</summary>
    public bool ReadOnly { get; private set; }

    public ReportPeriod ThePeriod { get; private set; }

    public List<Indicator> Catalogue { get; private set; } = [];

    public Dictionary<string, IndicatorFigure> Figures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (await LoadAsync(scope, ct) is { } refusal)
        {
            return refusal;
        }

        var existing = await Indicators.UnitReports.FindAsync(db, scope, Unit!, Map, ThePeriod.Code, OrganizationId, ct);
        Input = new UnitReportInput { UnitCode = Unit, Map = Map, Period = ThePeriod.Code, OrganizationId = OrganizationId, Note = existing?.Note, Version = existing?.Version ?? 0 };
        foreach (var line in Lines())
        {
            var v = existing?.Values.FirstOrDefault(x => x.Indicator == line.Indicator.Code && x.Category == line.Category);
            Input.Values.Add(new UnitValueInput { Indicator = line.Indicator.Code, Category = line.Category, Value = v?.Value, Unit = line.Indicator.Unit });
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (await LoadAsync(scope, ct) is { } refusal)
        {
            return refusal;
        }

        Input.UnitCode = Unit;
        Input.Map = Map;
        Input.Period = ThePeriod.Code;
        Input.OrganizationId = OrganizationId;
        UnitReportSaved? saved = null;
        if (ModelState.IsValid && await Outcomes.PageAsync(ModelState, db, async () => saved = await Indicators.UnitReports.SaveAsync(db, scope, Input, clock, ct)))
        {
            TempData["Flash"] = saved!.Warnings.Count == 0
                ? $"Đã lưu báo cáo {ThePeriod.Label}."
                : $"Đã lưu báo cáo {ThePeriod.Label}. Xin xem lại: " + string.Join(" ", saved.Warnings);
            return RedirectToPage(new { unit = Unit, map = Map, period = ThePeriod.Code, organizationId = OrganizationId });
        }

        return Page();
    }

    /// <summary>The form's lines: each indicator's total, then its categories.</summary>
    public IEnumerable<(Indicator Indicator, string? Category)> Lines() =>
        Catalogue.SelectMany(i => new[] { (i, (string?)null) }.Concat(i.CategoryList.Select(c => (i, (string?)c))));

    private async Task<IActionResult?> LoadAsync(UserScope scope, CancellationToken ct)
    {
        if (!ReportPeriod.TryParse(Period, out var period))
        {
            TempData["Error"] = "Kỳ báo cáo không hợp lệ: viết 2024 (năm), 2024-H1 (6 tháng), 2024-Q3 (quý) hoặc 2024-05 (tháng).";
            return RedirectToPage("/UnitReports/Index");
        }

        ThePeriod = period;
        var unit = await db.AdminUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Map == Map && u.Code == Unit, ct);
        var path = unit?.CountsUnder;
        if (path is null || !scope.CanRead(path))
        {
            return NotFound();
        }

        // A leader or inspector who may read the unit sees its report (the report's drill-down ends here), but saves nothing.
        ReadOnly = !scope.Can(Operation.ReportResults, path);
        if (ReadOnly && HttpMethods.IsPost(Request.Method))
        {
            return Forbid();
        }

        UnitName = unit!.FullName;
        Organizations = (await db.Organizations.AsNoTracking().Where(o => o.ScopePath == path).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => (o.Id, o.Name)).ToList();
        if (OrganizationId is { } orgId)
        {
            OrganizationName = Organizations.FirstOrDefault(o => o.Id == orgId).Name;
            if (OrganizationName is null)
            {
                return NotFound();
            }
        }

        Catalogue = await IndicatorCatalogue.UsableAt(db, path).OrderBy(i => i.SortOrder).ThenBy(i => i.Code).ToListAsync(ct);
        Figures = await Indicators.UnitReports.ModelFiguresAsync(db, scope, path, period, ct);
        return null;
    }
}
