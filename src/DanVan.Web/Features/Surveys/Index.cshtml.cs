using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Campaigns;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Surveys;

public class IndexModel(AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int InitiativeId { get; set; }

    [BindProperty] public string? Question { get; set; }

    public Initiative Initiative { get; private set; } = null!;

    public List<SurveyRow> Rows { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (await Outcomes.PageAsync(ModelState, db, () => SurveyCommands.OpenAsync(db, scope, InitiativeId, Question, CampaignsApi.Today(clock), ct)))
        {
            TempData["Flash"] = "Đã mở khảo sát. In áp phích có mã QR để người dân quét.";
            return RedirectToPage(new { initiativeId = InitiativeId });
        }

        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(int surveyId, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        await SurveyCommands.CloseAsync(db, scope, surveyId, ct);

        TempData["Flash"] = "Đã đóng khảo sát.";
        return RedirectToPage(new { initiativeId = InitiativeId });
    }

    public async Task<IActionResult> OnPostHeldAsync(int surveyId, bool accept, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var n = await SurveyCommands.ResolveHeldAsync(db, scope, surveyId, accept, ct);
        TempData["Flash"] = accept ? $"Đã tính {n} phiếu bị giữ lại." : $"Đã loại {n} phiếu bị giữ lại.";
        return RedirectToPage(new { initiativeId = InitiativeId });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (await SurveyCommands.ListAsync(db, scope, InitiativeId, ct) is not { } found)
        {
            return NotFound();
        }

        (Initiative, Rows) = found;
        CanManage = scope.Can(Operation.Moderate, Initiative.ScopePath);
        return null;
    }
}
