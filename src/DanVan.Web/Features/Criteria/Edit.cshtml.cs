using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Criteria;

public class EditModel(AppDbContext db, ScopeAccessor scopes) : PageModel
{
    [BindProperty]
    public CriteriaSetInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public bool Frozen { get; private set; }

    public List<UnitSummary> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.CanAnywhere(Operation.ManageCriteria))
        {
            return Forbid();
        }

        Id = id;
        if (id is not null)
        {
            var s = await CriteriaSets.GetAsync(db, scope, id.Value, ct);
            if (s is null)
            {
                return NotFound();
            }

            Frozen = s.Frozen;
            Input = new CriteriaSetInput
            {
                Name = s.Name, UnitCode = s.UnitCode, PassThreshold = s.PassThreshold,
                Criteria = s.Criteria.Select(c => new CriterionInput { Name = c.Name, Weight = c.Weight, MaxScore = c.MaxScore }).ToList(),
            };
        }
        else
        {
            Input.PassThreshold = 70;
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Id = id;
        if (ModelState.IsValid && await Outcomes.PageAsync(ModelState, db, () => CriteriaSets.SaveAsync(db, scope, id, Input, ct)))
        {
            TempData["Flash"] = "Đã lưu bộ tiêu chí.";
            return RedirectToPage("/Criteria/Index");
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    private async Task LoadAsync(UserScope scope, CancellationToken ct)
    {
        Units = await UnitChoices.WithinAsync(db, scope.PathsFor(Operation.ManageCriteria), null, ct);
        while (Input.Criteria.Count < 8)
        {
            Input.Criteria.Add(new CriterionInput());
        }
    }
}
