using DanVan.Data;
using DanVan.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Public;

/// <summary>An organisation's public page: shown only when it owns at least one public model.</summary>
public class OrganizationModel([FromKeyedServices(ReadReplica.Key)] AppDbContext db) : PageModel
{
    public string Name { get; private set; } = string.Empty;

    public string UnitName { get; private set; } = string.Empty;

    public List<PublicCard> Cards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, string? slug, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.Name, Unit = o.Unit!.FullName }).FirstOrDefaultAsync(ct);
        if (org is null)
        {
            return NotFound();
        }

        // Shown only when the organisation owns at least one public model.
        Cards = await PublicQueries.CardsAsync(db.Initiatives.AsNoTracking().Visible().Where(i => i.OwnerOrganizationId == id)
            .OrderByDescending(i => i.HighestLevel).ThenBy(i => i.SortKey).Take(100), await PublicQueries.ProvincesAsync(db, ct), ct);
        if (Cards.Count == 0)
        {
            return NotFound();
        }

        var slugNow = VietnameseText.Slug(org.Name);
        if (slug != slugNow)
        {
            return RedirectPermanent($"/cong-khai/to-chuc/{id}/{slugNow}");
        }

        (Name, UnitName) = (org.Name, org.Unit);
        return Page();
    }
}
