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
        CanEdit = scope.CanAnywhere(Operation.Register);
        Rows = await OrganizationQueries.ListAsync(db, scope, Unit, Q, 200, ct);
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var rows = await OrganizationQueries.ListAsync(db, scope, Unit, Q, 10_000, ct);
        return Reports.Exports.ListXlsx("Tổ chức", "Danh sách cơ quan, tổ chức", ["Tên", "Loại", "Đơn vị", "Điện thoại", "Thư điện tử"],
            rows.Select(o => new object?[] { o.Name, Labels.Of(o.Kind), o.UnitFullName, o.Phone, o.Email }));
    }
}
