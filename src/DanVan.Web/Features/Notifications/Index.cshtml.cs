using DanVan.Data;
using DanVan.Features.Campaigns;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Notifications;

public class IndexModel(AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    public IReadOnlyList<NotificationView> Items { get; private set; } = [];

    public List<DueRow> Due { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Items = (await Notifications.MineAsync(db, scope, ListPage.First(100), ct)).Items;
        Due = await Notifications.DueReportsAsync(db, scope, CampaignsApi.Today(clock), ct);
    }

    public async Task<IActionResult> OnPostReadAsync(CancellationToken ct)
    {
        await Notifications.MarkReadAsync(db, await scopes.GetAsync(ct), null, clock.GetUtcNow(), ct);
        return RedirectToPage();
    }
}
