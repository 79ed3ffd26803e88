using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Nominations;
using DanVan.Features.Inspections;
using DanVan.Features.Documents;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Awards;

/// <summary>
/// An award decision: the form, number, date, the issuer; its recipients ticked from the nominations the issuer has
/// received, or typed one per line ("tập thể | name | unit code", "cá nhân | name | unit code").
/// </summary>
public class NewModel(AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    [BindProperty] public AwardInput Input { get; set; } = new();

    [BindProperty] public List<int> NominationIds { get; set; } = [];

    [BindProperty] public string? Lines { get; set; }

    public List<(string Code, string Name)> Forms { get; private set; } = [];

    public List<NominationView> Received { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? nomination, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.CanDecideAnywhere)
        {
            return Forbid();
        }

        Input.DecidedOn = VietnamClock.Today(clock);
        var home = scope.PathsFor(Operation.RecognizeProvince).OrderBy(p => p.Length).FirstOrDefault();
        Input.UnitCode = home is null || home == "/" ? null : home.TrimEnd('/').Split('/')[^1];
        if (nomination is { } id)
        {
            NominationIds.Add(id);
            var v = await Nominations.Nominations.ViewAsync(db, scope, id, clock, ct);
            Input.FormCode = v?.FormCode;
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Input.Recipients = [.. NominationIds.Select(id => new RecipientInput { NominationId = id })];
        var lineNo = 0;
        foreach (var line in (Lines ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            lineNo++;
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            var kind = parts.Length > 0 ? Awards.KindOf(parts[0]) : null;
            if (parts.Length < 3 || kind is null)
            {
                ModelState.AddModelError(nameof(Lines), $"Dòng {lineNo}: viết \"tập thể | tên | đơn vị\" hoặc \"cá nhân | tên | đơn vị\" (đơn vị: tên hoặc mã).");
                continue;
            }

            Input.Recipients.Add(new RecipientInput { Kind = kind, Name = parts[1], UnitCode = parts[2] });
        }

        AwardDecision? saved = null;
        if (ModelState.IsValid && await Outcomes.PageAsync(ModelState, db, async () => saved = await Awards.IssueAsync(db, scope, Input, clock, ct)))
        {
            TempData["Flash"] = $"Đã ban hành Quyết định số {saved!.Number}.";
            return Redirect($"/Awards/Detail/{saved.Id}");
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    private async Task LoadAsync(UserScope scope, CancellationToken ct)
    {
        Forms = (await Awards.FormsAsync(db, scope, ct)).Select(f => (f.Code, f.Name)).ToList();
        Received = (await Nominations.Nominations.ListAsync(db, scope, NominationStatus.Received, ListPage.First(), clock, ct)).Items.Where(n => n.Actions.Contains("decide")).ToList();
    }
}
