using DanVan.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Public;

public class InitiativeModel([FromKeyedServices(ReadReplica.Key)] AppDbContext db) : PageModel
{
    public PublicInitiativeView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, string? slug, CancellationToken ct)
    {
        if (await PublicInitiative.LoadAsync(db, id, ct) is not { } view)
        {
            return NotFound();
        }

        // One address per model: an old or missing slug redirects to the current one.
        if (slug != view.Slug)
        {
            return RedirectPermanent($"/cong-khai/mo-hinh/{id}/{view.Slug}");
        }

        View = view;
        return Page();
    }
}
