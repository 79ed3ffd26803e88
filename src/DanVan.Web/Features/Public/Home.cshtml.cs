using DanVan.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Public;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicCache.Policy)]
public class HomeModel([FromKeyedServices(ReadReplica.Key)] AppDbContext db) : PageModel
{
    public HomeFigures Figures { get; private set; } = new(0, 0, 0, 0, 0, 0, 0);

    public List<PublicCard> Latest { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => (Figures, Latest) = await PublicQueries.HomeAsync(db, ct);
}
