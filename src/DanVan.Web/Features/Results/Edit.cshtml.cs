using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Initiatives;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Results;

/// <summary>Report a period's results (or correct a report), with evidence files.</summary>
[RequestSizeLimit(60L * 1024 * 1024)]
public class EditModel(AppDbContext db, ScopeAccessor scopes, EvidenceStore store, TimeProvider clock) : PageModel
{
    public const int Rows = 5;

    [BindProperty]
    public ResultInput Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    [BindProperty]
    public bool PublicPhotos { get; set; }

    public InitiativeDetail Initiative { get; private set; } = null!;

    public int? ReportId { get; private set; }

    public List<MeasureView> Measures { get; private set; } = [];

    /// <summary>The standard indicators (and their categories) a row may count toward, as "code" or "code|category".</summary>
    /// <summary>The catalogue's indicators (with the unit) and their sources, each said in the page's language by its parts.</summary>
    public List<(string Value, string Name, string? Unit, string? Source)> Standards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int? reportId, CancellationToken ct)
    {
        if (await LoadAsync(id, reportId, ct) is { } denied)
        {
            return denied;
        }

        if (reportId is not null)
        {
            var r = (await ResultReporting.ForInitiativeAsync(db, await scopes.GetAsync(ct), id, ct)).FirstOrDefault(x => x.Id == reportId);
            if (r is null)
            {
                return NotFound();
            }

            Input = new ResultInput
            {
                PeriodKind = r.PeriodKind, PeriodStart = r.PeriodStart, Narrative = r.Narrative, Version = r.Version,
                Values = r.Values.Select(v => new IndicatorInput { Indicator = v.Indicator, Value = v.Value, MeasureUnitId = Measures.FirstOrDefault(m => m.Name == v.Measure)?.Id, StandardIndicator = v.Standard }).ToList(),
            };
        }
        else
        {
            var today = VietnamClock.Today(clock);
            Input.PeriodKind = PeriodKind.Quarter;
            Input.PeriodStart = ResultReport.StartOf(PeriodKind.Quarter, today);
        }

        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? reportId, CancellationToken ct)
    {
        if (await LoadAsync(id, reportId, ct) is { } denied)
        {
            return denied;
        }

        var scope = await scopes.GetAsync(ct);
        if (ModelState.IsValid)
        {
            var saved = new List<EvidenceFile>();
            var ok = await Outcomes.PageAsync(ModelState, db, async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var report = await ResultReporting.SaveAsync(db, scope, id, reportId, Input, clock, ct);
                foreach (var file in Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)))
                {
                    saved.Add(await ResultReporting.AttachAsync(db, scope, store, report.Id, file, PublicPhotos, clock, ct));
                }

                await tx.CommitAsync(ct);
            });
            if (ok)
            {
                TempData["Flash"] = "Đã lưu báo cáo kết quả.";
                return RedirectToPage("/Initiatives/Detail", new { id });
            }

            // The report did not go in, so neither do its files.
            foreach (var f in saved)
            {
                store.Discard(f, db);
            }
        }

        Pad();
        return Page();
    }

    private void Pad()
    {
        while (Input.Values.Count < Rows)
        {
            Input.Values.Add(new IndicatorInput());
        }
    }

    private async Task<IActionResult?> LoadAsync(int id, int? reportId, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var initiative = await InitiativeQueries.DetailAsync(db, scope, id, ct);
        if (initiative is null)
        {
            return NotFound();
        }

        if (!scope.Can(Operation.ReportResults, initiative.ScopePath))
        {
            return Forbid();
        }

        Initiative = initiative;
        ReportId = reportId;
        Measures = await ResultReporting.MeasuresAsync(db, scope, ct);
        var catalogue = await Indicators.IndicatorCatalogue.UsableAt(db, initiative.ScopePath).OrderBy(i => i.SortOrder).ThenBy(i => i.Code).ToListAsync(ct);
        Standards = catalogue.SelectMany(i => new[] { (i.Code, i.Name, (string?)i.Unit, (string?)null) }
            .Concat(i.CategoryList.Select(c => ($"{i.Code}|{c}", i.Name, (string?)null, (string?)DanVan.Data.Seeding.IndicatorSeeder.CategoryNames.GetValueOrDefault(c, c))))).ToList();
        return null;
    }
}
