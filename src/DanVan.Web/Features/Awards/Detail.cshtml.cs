using DanVan.Data;
using DanVan.Features.Nominations;
using DanVan.Features.Inspections;
using DanVan.Features.Documents;
using DanVan.Features.Recognition;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Awards;

/// <summary>An award decision, printable in the Party format, as .docx, and its certificates.</summary>
public class DetailModel(AppDbContext db, ScopeAccessor scopes) : PageModel
{
    public AwardView Award { get; private set; } = null!;

    public DecisionLayout Layout { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var a = await Awards.ViewAsync(db, await scopes.GetAsync(ct), id, ct);
        if (a is null)
        {
            return NotFound();
        }

        Award = a;
        Layout = Awards.Layout(a);
        return Page();
    }
}
