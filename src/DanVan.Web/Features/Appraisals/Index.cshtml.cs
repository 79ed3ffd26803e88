using DanVan.Data;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Appraisals;

public class IndexModel(AppDbContext db, ScopeAccessor scopes) : PageModel
{
    public List<AppraisalRow> Rows { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        CanManage = scope.UserAdminPaths.Count > 0;
        Rows = await Appraisals.ListAsync(db, scope, ct);
    }
}
