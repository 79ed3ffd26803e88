using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Appraisals;

/// <summary>One page for the council (score, recuse) and the secretariat (results, conclusions, close).</summary>
public class DetailModel(AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    public AppraisalView Appraisal { get; private set; } = null!;

    public UserScope Scope { get; private set; } = UserScope.Anonymous;

    public bool IsMember { get; private set; }

    public bool CanManage { get; private set; }

    [BindProperty]
    public ScoreInput Score { get; set; } = new();

    [BindProperty]
    public ConclusionInput Conclusion { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    /// <summary>The model whose score sheet was just posted and refused: its card shows what was typed, and why.</summary>
    public int? PostedItemId { get; private set; }

    /// <summary>What the member typed for a criterion on the refused sheet, as typed.</summary>
    public string Typed(int criterionId) => Request.HasFormContentType ? Request.Form[$"Score.Scores[{criterionId}]"].ToString() : string.Empty;

    public Task<IActionResult> OnPostScoreAsync(int id, int itemId, CancellationToken ct)
    {
        PostedItemId = itemId;
        return RunAsync(id, async () => await Appraisals.ScoreAsync(db, Scope, id, itemId, Score, ct), "Đã lưu điểm.", ct);
    }

    public Task<IActionResult> OnPostRecuseAsync(int id, int itemId, CancellationToken ct) =>
        RunAsync(id, async () => await Appraisals.RecuseAsync(db, Scope, id, itemId, Reason, ct), "Đã ghi nhận bạn không tham gia chấm mô hình này.", ct);

    public Task<IActionResult> OnPostConcludeAsync(int id, int itemId, CancellationToken ct) =>
        RunAsync(id, async () => await Appraisals.ConcludeAsync(db, Scope, id, itemId, Conclusion, clock, ct), "Đã ghi kết luận của hội đồng.", ct);

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) =>
        RunAsync(id, async () => await Appraisals.CloseAsync(db, Scope, id, ct), "Đã kết thúc đợt thẩm định.", ct);

    private async Task<IActionResult> RunAsync(int id, Func<Task> action, string done, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        ModelState.Clear();
        if (await Outcomes.PageAsync(ModelState, db, action, prefix: string.Empty))
        {
            TempData["Flash"] = done;
            return RedirectToPage(new { id });
        }

        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        Scope = await scopes.GetAsync(ct);
        var view = await Appraisals.ViewAsync(db, Scope, id, ct);
        if (view is null)
        {
            return NotFound();
        }

        Appraisal = view;
        IsMember = view.Members.Any(m => m.UserId == Scope.UserId);
        CanManage = Scope.Can(Operation.RunAppraisal, view.ScopePath);
        return null;
    }

    public string MemberName(string userId) => Appraisal.Members.FirstOrDefault(m => m.UserId == userId)?.FullName ?? userId;
}
