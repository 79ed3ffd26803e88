using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Awards;
using DanVan.Features.Inspections;
using DanVan.Features.Documents;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Nominations;

/// <summary>The nominations of the caller's units and those their level holds: where each is and for how long.</summary>
public class IndexModel(AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public List<NominationView> Rows { get; private set; } = [];

    public bool CanCreate { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.IsAuthenticated || scope.ReadPaths.Count == 0)
        {
            return Forbid();
        }

        CanCreate = scope.CanAnywhere(Operation.Register);
        Rows = Nominations.DeskOrder((await Nominations.ListAsync(db, scope, EnumKeys.TryParse<NominationStatus>(Status, out var s) ? s : null, ListPage.First(), clock, ct)).Items);
        return Page();
    }
}
