using DanVan.Data;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Campaigns;

public class IndexModel(AppDbContext db, ScopeAccessor scopes) : PageModel
{
    public IReadOnlyList<CampaignRow> Rows { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        CanManage = scope.CanAnywhere(Operation.RunRound);
        Rows = (await Campaigns.ListAsync(db, scope, ListPage.First(), ct)).Items;
    }
}
