using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Units;

[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Map { get; set; } = Maps.Current;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public List<UnitSummary> Provinces { get; private set; } = [];

    public List<UnitSummary> Found { get; private set; } = [];

    public Dictionary<int, int> Counts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Maps.IsKnown(Map))
        {
            Map = Maps.Current;
        }

        Provinces = await UnitQueries.ChildrenAsync(db, Map, null, ct);
        Counts = await db.AdminUnits.AsNoTracking().Where(u => u.Map == Map).GroupBy(u => u.Level)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var text = VietnameseText.Fold(Q);
        if (text.Length >= 2)
        {
            Found = await db.AdminUnits.AsNoTracking().Where(u => u.Map == Map && u.SearchText.Contains(text))
                .OrderBy(u => u.Level).ThenBy(u => u.SortKey).Take(50)
                .Select(u => new UnitSummary(u.Map, u.Code, u.Name, u.FullName, u.Type, u.Level, u.ParentCode, 0)).ToListAsync(ct);
        }

        return Page();
    }

    /// <summary>htmx: the children of one unit, as list items.</summary>
    public async Task<IActionResult> OnGetChildrenAsync(string code, CancellationToken ct)
    {
        var children = await UnitQueries.ChildrenAsync(db, Maps.IsKnown(Map) ? Map : Maps.Current, code, ct);
        return Partial("_UnitChildren", children);
    }

    /// <summary>htmx: &lt;option&gt;s of the communes of a province that the caller may write to.</summary>
    public async Task<IActionResult> OnGetOptionsAsync(string province, [FromServices] ScopeAccessor scopes, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var communes = await db.AdminUnits.AsNoTracking().Where(u => u.Map == Maps.Current && u.ParentCode == province)
            .WithinPaths(scope.PathsFor(Operation.Register), u => u.Path).OrderBy(u => u.SortKey)
            .Select(u => new UnitSummary(u.Map, u.Code, u.Name, u.FullName, u.Type, u.Level, u.ParentCode, 0)).ToListAsync(ct);
        return Partial("_UnitOptions", communes);
    }
}
