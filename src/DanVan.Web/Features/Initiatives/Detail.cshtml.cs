using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Initiatives;

public class DetailModel(AppDbContext db, ScopeAccessor scopes) : PageModel
{
    public InitiativeDetail Item { get; private set; } = null!;

    public List<AuditRow> Audit { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var item = await InitiativeQueries.DetailAsync(db, scope, id, ct);
        if (item is null)
        {
            return NotFound();
        }

        Item = item;
        CanEdit = scope.CanWrite(item.ScopePath);
        Audit = await InitiativeQueries.AuditAsync(db, nameof(Initiative), id, ct);
        return Page();
    }
}
