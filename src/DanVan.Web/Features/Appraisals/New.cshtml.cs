using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Criteria;
using DanVan.Features.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Appraisals;

public class NewModel(AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    [BindProperty]
    public AppraisalInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    public List<UnitSummary> Units { get; private set; } = [];

    public List<CriteriaSetView> Sets { get; private set; } = [];

    public List<(int Id, string Name, string Unit, RecognitionLevel? Level)> Candidates { get; private set; } = [];

    public List<(string Email, string Name, string? Unit)> Appraisers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.CanAnywhere(Operation.RunAppraisal))
        {
            return Forbid();
        }

        Input.UnitCode = Unit;
        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Appraisal? created = null;
        if (ModelState.IsValid && await Outcomes.PageAsync(ModelState, db, async () => created = await Appraisals.CreateAsync(db, scope, Input, clock, ct)))
        {
            TempData["Flash"] = "Đã mở đợt thẩm định và mời hội đồng.";
            return RedirectToPage("/Appraisals/Detail", new { id = created!.Id });
        }

        Unit = Input.UnitCode;
        await LoadAsync(scope, ct);
        return Page();
    }

    private async Task LoadAsync(UserScope scope, CancellationToken ct)
    {
        Units = await UnitChoices.WithinAsync(db, scope.PathsFor(Operation.RunAppraisal), null, ct);
        Sets = await CriteriaSets.ListAsync(db, scope, ct);
        if (Input.UnitCode is not null && Units.FirstOrDefault(u => u.Code == Input.UnitCode) is { } unit)
        {
            var path = await db.AdminUnits.Where(u => u.Map == Maps.Current && u.Code == unit.Code).Select(u => u.Path).FirstAsync(ct);
            var list = await db.Initiatives.AsNoTracking().WithinPaths([path], i => i.ScopePath).Where(i => i.Status != InitiativeStatus.Retired)
                .OrderBy(i => i.ScopePath).ThenBy(i => i.SortKey).Take(500)
                .Select(i => new { i.Id, i.Name, Unit = i.CurrentUnit!.FullName, i.HighestLevel }).ToListAsync(ct);
            Candidates = list.Select(i => (i.Id, i.Name, i.Unit, i.HighestLevel)).ToList();
            var ancestors = Notifier.AncestorPaths(path);
            var appraisers = await db.RoleGrants.AsNoTracking().Where(g => g.Role == Role.Appraiser && (ancestors.Contains(g.ScopePath) || g.ScopePath.StartsWith(path)))
                .Select(g => new { g.User!.Email, g.User.FullName, Unit = g.User.HomeUnit != null ? g.User.HomeUnit.FullName : null }).Distinct().ToListAsync(ct);
            Appraisers = appraisers.DistinctBy(a => a.Email).Select(a => (a.Email ?? string.Empty, a.FullName, a.Unit)).OrderBy(a => a.FullName, VietnameseText.Comparer).ToList();
        }
    }
}
