using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Campaigns;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Review;

/// <summary>The yearly review (rà soát): flagged initiatives, each kept with a note or retired with a reason.</summary>
public class IndexModel(AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    public List<ReviewRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (scope.UserAdminPaths.Count == 0)
        {
            return Forbid();
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (scope.UserAdminPaths.Count == 0)
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            try
            {
                if (await Outcomes.PageAsync(ModelState, db, () => Reviews.DecideAsync(db, scope, id, Input, clock, ct)))
                {
                    TempData["Flash"] = Input.Decision switch
                    {
                        ReviewDecisionKind.Retire => "Đã loại bỏ mô hình.",
                        ReviewDecisionKind.Reinstate => "Đã khôi phục mô hình.",
                        _ => "Đã ghi nhận giữ lại mô hình.",
                    };
                    return Redirect($"/Review?unit={Uri.EscapeDataString(Unit ?? string.Empty)}#i-{id}");
                }
            }
            catch (ScopeException e)
            {
                return e.Visible ? Forbid() : NotFound();
            }
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    private async Task LoadAsync(UserScope scope, CancellationToken ct)
    {
        try
        {
            Rows = await Reviews.DueAsync(db, scope, Unit, CampaignsApi.Today(clock), new ReviewSettings(), ct);
        }
        catch (Initiatives.InputException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }
    }
}
