using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Campaigns;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Review;

/// <summary>The yearly review (rà soát): flagged initiatives, each kept with a note or retired with a reason.</summary>
public class IndexModel(AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    public List<ReviewRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.CanAnywhere(Operation.RetireAtReview))
        {
            return Forbid();
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.CanAnywhere(Operation.RetireAtReview))
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            if (await Outcomes.PageAsync(ModelState, db, () => Reviews.DecideAsync(db, scope, id, Input, clock, ct)))
            {
                TempData["Flash"] = Input.Decision switch
                {
                    ReviewDecisionKind.Retire => "Đã loại bỏ mô hình.",
                    ReviewDecisionKind.Reinstate => "Đã khôi phục mô hình.",
                    _ => "Đã ghi nhận giữ lại mô hình.",
                };
                return Redirect($"/Review?unit={Uri.EscapeDataString(Unit ?? string.Empty)}#i-{id}");
            }
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.CanAnywhere(Operation.RetireAtReview))
        {
            return Forbid();
        }

        await LoadAsync(scope, ct);
        static string Flags(ReviewRow r) => string.Join("; ", new[]
        {
            r.Flags.NoRecentResults ? "Không báo cáo kết quả 12 tháng" : null, r.Flags.FlatIndicators ? "Chỉ số không thay đổi" : null,
            r.Flags.NoAppraisal ? "Lâu không thẩm định" : null, r.Flags.CopiedFromName is { } n ? "Nội dung gần trùng với " + n : null,
        }.OfType<string>());
        return Reports.Exports.ListXlsx("Rà soát", "Danh sách mô hình cần rà soát",
            ["Số hiệu", "Tên mô hình", "Đơn vị", "Lĩnh vực", "Ngày đăng ký", "Báo cáo gần nhất", "Cấp công nhận", "Dấu hiệu", "Đã rà soát năm nay", "Lý do"],
            Rows.Select(r => new object?[]
            {
                r.Id, r.Name, r.UnitName, Labels.Of(r.Field), r.RegisteredOn, r.LastReport, r.Level is { } l ? Initiative.LevelName(l) : null, Flags(r),
                r.DecidedThisYear switch { ReviewDecisionKind.Keep => "Giữ lại", ReviewDecisionKind.Retire => "Loại bỏ", ReviewDecisionKind.Reinstate => "Khôi phục", _ => null },
                r.DecisionReason,
            }));
    }

    private async Task LoadAsync(UserScope scope, CancellationToken ct)
    {
        try
        {
            Rows = await Reviews.DueAsync(db, scope, Unit, CampaignsApi.Today(clock), new ReviewSettings(), ct);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }
    }
}
