using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Feedback;

public class IndexModel(AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }

    [BindProperty] public string? Reason { get; set; }

    [BindProperty] public int Version { get; set; }

    public List<FeedbackRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.CanAnywhere(Operation.Moderate))
        {
            return Forbid();
        }

        Rows = await Feedbacks.ListAsync(db, scope, Status, ct);
        return Page();
    }

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) => DecideAsync(id, true, ct);

    public Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct) => DecideAsync(id, false, ct);

    private CommentStatus Status => Show switch { "published" => CommentStatus.Published, "rejected" => CommentStatus.Rejected, _ => CommentStatus.Pending };

    private async Task<IActionResult> DecideAsync(int id, bool publish, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (await Outcomes.PageAsync(ModelState, db, () => Feedbacks.ModerateAsync(db, scope, id, publish, Reason, Version, clock, ct)))
        {
            TempData["Flash"] = publish ? "Đã đăng góp ý." : "Đã không đăng góp ý.";
            return RedirectToPage();
        }

        Rows = await Feedbacks.ListAsync(db, scope, Status, ct);
        return Page();
    }
}
