using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Criteria;
using DanVan.Features.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Campaigns;

public class EditModel(AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    [BindProperty]
    public CampaignInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public List<UnitSummary> Units { get; private set; } = [];

    public List<UnitSummary> Children { get; private set; } = [];

    public List<CriteriaSetView> Sets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, string? unit, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.CanAnywhere(Operation.RunRound))
        {
            return Forbid();
        }

        Id = id;
        if (id is not null)
        {
            var d = await Campaigns.DetailAsync(db, scope, id.Value, VietnamClock.Today(clock), ct);
            if (d is null)
            {
                return NotFound();
            }

            var targets = await db.CampaignTargets.AsNoTracking().Where(t => t.CampaignId == id).Select(t => new TargetInput { UnitCode = t.Unit!.Code, Field = t.Field, Count = t.Count }).ToListAsync(ct);
            Input = new CampaignInput { Name = d.Name, UnitCode = d.UnitCode, OpensOn = d.OpensOn, ClosesOn = d.ClosesOn, CriteriaSetId = d.CriteriaSetId, Contact = d.Contact, Version = d.Version, Targets = targets };
        }
        else
        {
            var today = VietnamClock.Today(clock);
            Input.OpensOn = today;
            Input.ClosesOn = today.AddMonths(1);
            Input.UnitCode = unit;
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Id = id;
        Campaign? saved = null;
        if (ModelState.IsValid && await Outcomes.PageAsync(ModelState, db, async () => saved = await Campaigns.SaveAsync(db, scope, id, Input, ct)))
        {
            TempData["Flash"] = "Đã lưu đợt đăng ký.";
            return RedirectToPage("/Campaigns/Detail", new { id = saved!.Id });
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    private async Task LoadAsync(UserScope scope, CancellationToken ct)
    {
        Units = await UnitChoices.WithinAsync(db, scope.PathsFor(Operation.RunRound), null, ct);
        if (Input.UnitCode is not null)
        {
            Children = await UnitQueries.ChildrenAsync(db, Maps.Current, Input.UnitCode, ct);
        }

        Sets = await CriteriaSets.ListAsync(db, scope, ct);
        // One target row per child unit, so the secretariat fills a table rather than typing codes.
        foreach (var c in Children.Where(c => Input.Targets.All(t => t.UnitCode != c.Code)))
        {
            Input.Targets.Add(new TargetInput { UnitCode = c.Code });
        }

        Input.Targets = Input.Targets.OrderBy(t => Children.FindIndex(c => c.Code == t.UnitCode)).ToList();
    }
}
