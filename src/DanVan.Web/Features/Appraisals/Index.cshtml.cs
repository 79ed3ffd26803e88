using DanVan.Data;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Appraisals;

public class IndexModel(AppDbContext db, ScopeAccessor scopes) : PageModel
{
    public IReadOnlyList<AppraisalRow> Rows { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        CanManage = scope.CanAnywhere(Operation.RunAppraisal);
        Rows = (await Appraisals.ListAsync(db, scope, ListPage.First(), ct)).Items;
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var rows = (await Appraisals.ListAsync(db, scope, ListPage.First(), ct)).Items;
        return Reports.Exports.ListXlsx("Thẩm định", "Danh sách đợt thẩm định", ["Đợt thẩm định", "Đơn vị", "Trạng thái", "Ngày mở", "Số mô hình", "Số thành viên"],
            rows.Select(a => new object?[] { a.Name, a.UnitName, a.Status == DanVan.Domain.AppraisalStatus.Open ? "Đang chấm" : "Đã kết thúc", a.OpenedOn, a.Items, a.Members }));
    }
}
