using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Conferences;

public class IndexModel(AppDbContext db, ScopeAccessor scopes) : PageModel
{
    public List<ConferenceView> Rows { get; private set; } = [];

    public List<UnitSummary> Units { get; private set; } = [];

    [BindProperty]
    public ConferenceInput Input { get; set; } = new() { Phase = "2021–2025" };

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(await scopes.GetAsync(ct), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Conference? c = null;
        if (ModelState.IsValid && await Outcomes.PageAsync(ModelState, db, async () => c = await Conferences.CreateAsync(db, scope, Input, ct)))
        {
            return RedirectToPage("/Conferences/Detail", new { id = c!.Id });
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    private async Task LoadAsync(UserScope scope, CancellationToken ct)
    {
        Rows = await Conferences.ListAsync(db, scope, ct);
        Units = await UnitChoices.WithinAsync(db, scope.PathsFor(Operation.RunConference), null, ct);
    }
}
