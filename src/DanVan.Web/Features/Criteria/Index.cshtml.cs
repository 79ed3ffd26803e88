using DanVan.Data;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Criteria;

public class IndexModel(AppDbContext db, ScopeAccessor scopes) : PageModel
{
    public List<CriteriaSetView> Sets { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        CanManage = scope.CanAnywhere(Operation.ManageCriteria);
        Sets = await CriteriaSets.ListAsync(db, scope, ct);
    }
}
