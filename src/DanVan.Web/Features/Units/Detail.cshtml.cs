using DanVan.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Units;

[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public class DetailModel(AppDbContext db) : PageModel
{
    public UnitDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int map, string code, CancellationToken ct)
    {
        var detail = await UnitQueries.DetailAsync(db, map, code, ct);
        if (detail is null)
        {
            return NotFound();
        }

        Detail = detail;
        return Page();
    }
}
