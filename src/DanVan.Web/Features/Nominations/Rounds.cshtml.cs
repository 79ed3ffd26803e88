using DanVan.Data;
using DanVan.Features.Awards;
using DanVan.Features.Inspections;
using DanVan.Features.Documents;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Nominations;

/// <summary>Rounds of nominations: open one for the units below, and see who has sent and who is late.</summary>
public class RoundsModel(AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    [BindProperty] public NominationRoundInput Input { get; set; } = new();

    public IReadOnlyList<NominationRoundView> Rounds { get; private set; } = [];

    public bool CanOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.IsAuthenticated || scope.ReadPaths.Count == 0)
        {
            return Forbid();
        }

        var today = Campaigns.CampaignsApi.Today(clock);
        Input.OpensOn = today;
        Input.ClosesOn = today.AddDays(30);
        var home = scope.PathsFor(Operation.RunRound).OrderBy(p => p.Length).FirstOrDefault();
        Input.UnitCode = home is null || home == "/" ? null : home.TrimEnd('/').Split('/')[^1];
        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (ModelState.IsValid && await Outcomes.PageAsync(ModelState, db, () => NominationRounds.OpenAsync(db, scope, Input, ct)))
        {
            TempData["Flash"] = $"Đã mở đợt \"{Input.Name}\".";
            return RedirectToPage();
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    private async Task LoadAsync(UserScope scope, CancellationToken ct)
    {
        CanOpen = scope.CanAnywhere(Operation.RunRound);
        Rounds = (await NominationRounds.ListAsync(db, scope, ListPage.First(), clock, ct)).Items;
    }
}
