using DanVan.Data;
using DanVan.Features.Nominations;
using DanVan.Features.Inspections;
using DanVan.Features.Documents;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Awards;

/// <summary>The register of award decisions: search by number, year, form.</summary>
public class IndexModel(AppDbContext db, ScopeAccessor scopes) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    [BindProperty(SupportsGet = true)] public string? Form { get; set; }

    public IReadOnlyList<AwardView> Rows { get; private set; } = [];

    public List<(string Code, string Name)> Forms { get; private set; } = [];

    public bool CanIssue { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.IsAuthenticated || scope.ReadPaths.Count == 0)
        {
            return Forbid();
        }

        CanIssue = scope.CanDecideAnywhere;
        Forms = (await Awards.FormsAsync(db, scope, ct)).Select(f => (f.Code, f.Name)).ToList();
        Rows = (await Awards.RegisterAsync(db, scope, Number, Year, Form, ListPage.First(), ct)).Items;
        return Page();
    }
}
