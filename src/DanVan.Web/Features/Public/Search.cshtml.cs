using DanVan.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Public;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicCache.Policy)]
public class SearchModel([FromKeyedServices(ReadReplica.Key)] AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    [BindProperty(SupportsGet = true)] public string? Field { get; set; }

    [BindProperty(SupportsGet = true)] public string? Province { get; set; }

    [BindProperty(SupportsGet = true)] public string? Level { get; set; }

    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    [BindProperty(SupportsGet = true)] public string? Commune { get; set; }

    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public PublicResults Results { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Unusable filters are dropped, not errors: a visitor's URL always shows a page.
        ModelState.Clear();
        Q = Q is { Length: > 200 } ? Q[..200] : Q;
        Results = await PublicQueries.SearchAsync(db, new PublicFilter(Q, Field, Province, Level, Kind, Year, PageNumber, Commune), ct);
    }
}
