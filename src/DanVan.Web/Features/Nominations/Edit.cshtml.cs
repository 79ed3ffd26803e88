using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Awards;
using DanVan.Features.Inspections;
using DanVan.Features.Documents;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Nominations;

/// <summary>Prepares a nomination, or fixes one that is a draft or was returned.</summary>
public class EditModel(AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    [BindProperty] public NominationInput Input { get; set; } = new();

    public int? Id { get; private set; }

    /// <summary>The model the nomination is for, as typed or picked ("Name — Unit (#id)", a number, or a name).</summary>
    [BindProperty] public string? ModelText { get; set; }

    public List<Initiatives.ModelChoice> Models { get; private set; } = [];

    public List<(string Code, string Name)> Forms { get; private set; } = [];

    /// <summary>Rounds open for the caller's units today.</summary>
    public List<(int Id, string Name, DateOnly ClosesOn)> Rounds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? initiativeId, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.CanAnywhere(Operation.Register))
        {
            return Forbid();
        }

        Id = id;
        if (id is { } existing)
        {
            var v = await Nominations.ViewAsync(db, scope, existing, clock, ct);
            if (v is null)
            {
                return NotFound();
            }

            Input = new NominationInput
            {
                UnitCode = v.UnitCode, RecipientKind = v.RecipientKind, RecipientName = v.RecipientName, InitiativeId = v.InitiativeId, FormCode = v.FormCode,
                Achievements = v.Achievements, Version = v.Version, RoundId = v.RoundId,
            };
        }
        else
        {
            var home = scope.PathsFor(Operation.Register).OrderByDescending(p => p.Length).FirstOrDefault();
            Input.UnitCode = home is null || home == "/" ? null : home.TrimEnd('/').Split('/')[^1];
            Input.InitiativeId = initiativeId;
            if (initiativeId is { } model && await db.Initiatives.AsNoTracking().ReadableBy(scope, i => i.ScopePath).FirstOrDefaultAsync(i => i.Id == model, ct) is { } m)
            {
                Input.UnitCode = m.ScopePath.TrimEnd('/').Split('/')[^1];
                Input.RecipientName = m.OwnerName;
                Input.RecipientKind = m.Kind == InitiativeKind.Individual ? RecipientKind.Individual : RecipientKind.Collective;
                Input.Achievements = await Nominations.DraftAchievementsAsync(db, scope, model, ct);
            }
        }

        ModelText = await Initiatives.ModelPick.LabelAsync(db, scope, Input.InitiativeId, ct);
        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Id = id;
        var (model, error) = await Initiatives.ModelPick.ResolveAsync(db, scope, ModelText, ct);
        Input.InitiativeId = model;
        if (error is not null)
        {
            ModelState.AddModelError("Input.InitiativeId", error);
        }

        Nomination? saved = null;
        if (ModelState.IsValid && await Outcomes.PageAsync(ModelState, db, async () => saved = id is { } existing
                ? await Nominations.UpdateAsync(db, scope, existing, Input, ct)
                : await Nominations.CreateAsync(db, scope, Input, clock, ct)))
        {
            TempData["Flash"] = "Đã lưu hồ sơ đề nghị. Kiểm tra lại rồi gửi lên cấp trên.";
            return Redirect($"/Nominations/Detail/{saved!.Id}");
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    private async Task LoadAsync(UserScope scope, CancellationToken ct)
    {
        Forms = (await Awards.Awards.FormsAsync(db, scope, ct)).Select(f => (f.Code, f.Name)).ToList();
        var today = Campaigns.CampaignsApi.Today(clock);
        var rounds = new Dictionary<int, (int, string, DateOnly)>();
        foreach (var path in scope.PathsFor(Operation.Register).Where(p => p != "/"))
        {
            foreach (var r in await NominationRounds.OpenForAsync(db, path, today, ct))
            {
                rounds[r.Id] = (r.Id, r.Name, r.ClosesOn);
            }
        }

        Rounds = [.. rounds.Values];
        Models = await Initiatives.ModelPick.ChoicesAsync(db, scope, ct);
    }
}
