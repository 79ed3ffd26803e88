using DanVan.Data;
using DanVan.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Public;

/// <summary>An organisation's public page: shown only when it owns at least one public model.</summary>
public class OrganizationModel(AppDbContext db) : PageModel
{
    public string Name { get; private set; } = string.Empty;

    public string UnitName { get; private set; } = string.Empty;

    public List<PublicCard> Cards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, string? slug, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.Name, Unit = o.Unit!.FullName }).FirstOrDefaultAsync(ct);
        var ids = await db.Initiatives.AsNoTracking().Visible().Where(i => i.OwnerOrganizationId == id).OrderByDescending(i => i.HighestLevel).Take(100).Select(i => i.Id).ToListAsync(ct);
        if (org is null || ids.Count == 0)
        {
            return NotFound();
        }

        var slugNow = VietnameseText.Slug(org.Name);
        if (slug != slugNow)
        {
            return RedirectPermanent($"/cong-khai/to-chuc/{id}/{slugNow}");
        }

        (Name, UnitName) = (org.Name, org.Unit);
        var provinces = await PublicQueries.ProvincesAsync(db, ct);
        var rows = await db.Initiatives.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Name, Unit = i.CurrentUnit!.FullName, i.ScopePath, i.Field, i.Kind, i.HighestLevel, i.FirstRecognizedOn, i.Summary }).ToListAsync(ct);
        Cards = rows.Select(r => new PublicCard(r.Id, r.Name, VietnameseText.Slug(r.Name), r.Unit, provinces.GetValueOrDefault(PublicQueries.ProvincePath(r.ScopePath), string.Empty),
            r.Field, r.Kind, r.HighestLevel!.Value, r.FirstRecognizedOn, r.Summary)).OrderByDescending(c => c.Level).ToList();
        return Page();
    }
}
