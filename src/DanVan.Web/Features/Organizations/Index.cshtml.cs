using DanVan.Data;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Organizations;

public class IndexModel(AppDbContext db, ScopeAccessor scopes) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public List<OrganizationRow> Rows { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        CanEdit = scope.WritePaths.Count > 0;
        Rows = await OrganizationQueries.ListAsync(db, scope, Unit, Q, 200, ct);
    }
}
