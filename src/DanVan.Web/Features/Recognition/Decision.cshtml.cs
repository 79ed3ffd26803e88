using DanVan.Data;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Recognition;

public class DecisionModel(AppDbContext db, ScopeAccessor scopes) : PageModel
{
    public DecisionView Decision { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var d = await Recognitions.ViewAsync(db, await scopes.GetAsync(ct), id, ct);
        if (d is null)
        {
            return NotFound();
        }

        Decision = d;
        return Page();
    }
}
