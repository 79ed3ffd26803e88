using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Conferences;

public class DetailModel(AppDbContext db, ScopeAccessor scopes) : PageModel
{
    public ConferenceView Conference { get; private set; } = null!;

    public List<ShortlistRow> Shortlist { get; private set; } = [];

    public bool CanManage { get; private set; }

    [BindProperty]
    public AwardInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        var c = Conference;
        return Reports.Exports.ListXlsx("Khen thưởng", $"Danh sách khen thưởng — {c.Name} ({c.UnitName}, {c.Date.ToString("dd/MM/yyyy", Cultures.Vietnamese)})",
            ["Mô hình", "Đơn vị", "Đối tượng", "Tập thể, cá nhân được khen", "Hình thức"],
            c.Awards.Select(a => new object?[] { a.InitiativeName, a.UnitName, Labels.Of(a.RecipientKind), a.Recipient, a.Title }));
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        var scope = await scopes.GetAsync(ct);
        if (ModelState.IsValid && await Outcomes.PageAsync(ModelState, db, () => Conferences.AwardAsync(db, scope, id, Input, ct)))
        {
            TempData["Flash"] = "Đã ghi khen thưởng.";
            return RedirectToPage(new { id });
        }

        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var c = await Conferences.ViewAsync(db, scope, id, ct);
        if (c is null)
        {
            return NotFound();
        }

        Conference = c;
        CanManage = scope.Can(Operation.RunConference, c.ScopePath);
        Shortlist = CanManage ? await Conferences.ShortlistAsync(db, scope, id, ct) : [];
        return null;
    }
}
