using DanVan.Data;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Campaigns;

public class DetailModel(AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    public CampaignDetail Campaign { get; private set; } = null!;

    public bool CanManage { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var d = await Campaigns.DetailAsync(db, scope, id, CampaignsApi.Today(clock), ct);
        if (d is null)
        {
            return NotFound();
        }

        Campaign = d;
        CanManage = scope.CanAdministerUsersAt(d.ScopePath);
        return Page();
    }
}
