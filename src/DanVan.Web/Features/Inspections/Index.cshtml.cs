using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Awards;
using DanVan.Features.Nominations;
using DanVan.Features.Documents;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Inspections;

/// <summary>Inspections of the caller's area: the plan, results, follow-ups and what is overdue; plan one, record a visit, close a task.</summary>
public class IndexModel(AppDbContext db, ScopeAccessor scopes, TimeProvider clock, EvidenceStore store) : PageModel
{
    [BindProperty] public InspectionInput Input { get; set; } = new();

    [BindProperty] public VisitInput Visit { get; set; } = new();

    [BindProperty] public string? TaskLines { get; set; }

    /// <summary>The model inspected, as typed or picked ("Name — Unit (#id)", a number, or a name).</summary>
    [BindProperty] public string? ModelText { get; set; }

    public List<Initiatives.ModelChoice> Models { get; private set; } = [];

    [BindProperty] public string? Note { get; set; }

    [BindProperty] public IFormFile? Photo { get; set; }

    public IReadOnlyList<InspectionView> Rows { get; private set; } = [];

    public bool CanPlan { get; private set; }

    public bool CanClose { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.IsAuthenticated || scope.ReadPaths.Count == 0)
        {
            return Forbid();
        }

        Input.PlannedOn = Campaigns.CampaignsApi.Today(clock).AddDays(7);
        Visit.VisitedOn = Campaigns.CampaignsApi.Today(clock);
        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        ModelState.KeepOnly(nameof(Input));
        var (model, error) = await Initiatives.ModelPick.ResolveAsync(db, scope, ModelText, ct);
        Input.InitiativeId = model;
        if (error is not null)
        {
            ModelState.AddModelError("Input.InitiativeId", error);
        }

        if (ModelState.IsValid && await Outcomes.PageAsync(ModelState, db, () => Inspections.PlanAsync(db, scope, Input, clock, ct)))
        {
            TempData["Flash"] = "Đã lên lịch kiểm tra.";
            return RedirectToPage();
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    /// <summary>The visit's result; tasks one per line: "what to do | dd/MM/yyyy".</summary>
    public async Task<IActionResult> OnPostVisitAsync(int id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        ModelState.KeepOnly(nameof(Visit));
        foreach (var line in (TaskLines ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            Visit.Tasks.Add(new TaskInput
            {
                Text = parts[0],
                DueOn = parts.Length > 1 && Imports.InitiativeRows.TryDate(parts[1], out var due) ? due : null,
            });
        }

        if (ModelState.IsValid && await Outcomes.PageAsync(ModelState, db, () => Inspections.RecordVisitAsync(db, scope, id, Visit, clock, ct), "Visit."))
        {
            TempData["Flash"] = "Đã ghi kết quả kiểm tra.";
            return RedirectToPage();
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDoneAsync(int id, int taskId, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        ModelState.KeepOnly(nameof(Note));
        if (await Outcomes.PageAsync(ModelState, db, () => Inspections.CompleteTaskAsync(db, scope, id, taskId, Note, clock, ct), string.Empty))
        {
            TempData["Flash"] = "Đã báo hoàn thành.";
            return RedirectToPage();
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPhotoAsync(int id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        ModelState.KeepOnly(nameof(Photo));
        if (await Outcomes.PageAsync(ModelState, db, async () =>
            {
                if (Photo is null || Photo.Length == 0)
                {
                    throw Domain.DomainException.For(nameof(Photo), "Vui lòng chọn ảnh.");
                }

                await Inspections.AddPhotoAsync(db, scope, store, id, Photo, clock, ct);
            }, string.Empty))
        {
            TempData["Flash"] = "Đã thêm ảnh.";
            return RedirectToPage();
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    public bool MayRecord(InspectionView i) => CanPlan && i.VisitedOn is null;

    private async Task LoadAsync(UserScope scope, CancellationToken ct)
    {
        CanPlan = scope.CanAnywhere(Operation.Inspect);
        CanClose = scope.CanAnywhere(Operation.CloseFollowUp);
        Rows = (await Inspections.ListAsync(db, scope, null, ListPage.First(), clock, ct)).Items;
        Models = CanPlan ? await Initiatives.ModelPick.ChoicesAsync(db, scope, ct) : [];
    }
}
