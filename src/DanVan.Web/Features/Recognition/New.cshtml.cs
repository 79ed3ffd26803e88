using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Recognition;

/// <summary>Issue one recognition decision, from an appraisal's passed models or from a chosen list.</summary>
public class NewModel(AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int? AppraisalId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    public List<UnitSummary> Units { get; private set; } = [];

    /// <summary>The models that may be recognised; Untried: registered on that day, no result reported yet (a reason to pause).</summary>
    public List<(int Id, string Name, string Unit, RecognitionLevel? Level, DateOnly RegisteredOn, bool Untried)> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.CanAnywhere(Operation.RecognizeCommune))
        {
            return Forbid();
        }

        Input.Date = VietnamClock.Today(clock);
        Input.AppraisalId = AppraisalId;
        if (AppraisalId is { } aid)
        {
            var a = await db.Appraisals.AsNoTracking().Include(x => x.Unit).FirstOrDefaultAsync(x => x.Id == aid, ct);
            if (a is null || !scope.Can(Operation.RecognizeCommune, a.ScopePath))
            {
                return NotFound();
            }

            Unit = a.Unit!.Code;
            Input.InitiativeIds = await db.AppraisalItems.Where(i => i.AppraisalId == aid && i.Outcome == AppraisalOutcome.Passed).Select(i => i.InitiativeId).ToListAsync(ct);
        }

        Input.UnitCode = Unit;
        await LoadAsync(scope, ct);
        if (Units.FirstOrDefault(u => u.Code == Unit) is { } unit)
        {
            Input.Level = unit.Level == 1 ? RecognitionLevel.Province : RecognitionLevel.Commune;
            Input.IssuingBody = "Ban Chỉ đạo phong trào thi đua \"Dân vận khéo\" " + unit.FullName.Replace("Tỉnh ", "tỉnh ", StringComparison.Ordinal).Replace("Xã ", "xã ", StringComparison.Ordinal);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        RecognitionDecision? decision = null;
        if (ModelState.IsValid && await Outcomes.PageAsync(ModelState, db, async () => decision = await Recognitions.IssueAsync(db, scope, Input, clock, ct)))
        {
            TempData["Flash"] = "Đã ban hành quyết định công nhận.";
            return RedirectToPage("/Recognition/Decision", new { id = decision!.Id });
        }

        Unit = Input.UnitCode;
        AppraisalId = Input.AppraisalId;
        await LoadAsync(scope, ct);
        return Page();
    }

    private async Task LoadAsync(UserScope scope, CancellationToken ct)
    {
        Units = await UnitChoices.WithinAsync(db, scope.PathsFor(Operation.RecognizeCommune), null, ct);
        if (Unit is not null && await db.AdminUnits.Where(u => u.Map == Maps.Current && u.Code == Unit).Select(u => u.Path).FirstOrDefaultAsync(ct) is { } path)
        {
            var q = db.Initiatives.AsNoTracking().WithinPaths([path], i => i.ScopePath).Where(i => i.Status != InitiativeStatus.Retired);
            if (AppraisalId is { } aid)
            {
                var passed = db.AppraisalItems.Where(i => i.AppraisalId == aid && i.Outcome == AppraisalOutcome.Passed).Select(i => i.InitiativeId);
                q = q.Where(i => passed.Contains(i.Id));
            }

            var list = await q.OrderBy(i => i.ScopePath).ThenBy(i => i.SortKey).Take(500)
                .Select(i => new { i.Id, i.Name, Unit = i.CurrentUnit!.FullName, i.HighestLevel, i.RegisteredOn, Reported = db.ResultReports.Any(r => r.InitiativeId == i.Id) }).ToListAsync(ct);
            Candidates = list.Select(i => (i.Id, i.Name, i.Unit, i.HighestLevel, i.RegisteredOn, !i.Reported)).ToList();
        }
    }
}
