using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Awards;
using DanVan.Features.Nominations;
using DanVan.Features.Inspections;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Documents;

/// <summary>The movement's documents of the caller's area and the country: search them, and keep a new one.</summary>
public class IndexModel(AppDbContext db, ScopeAccessor scopes, EvidenceStore store, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    [BindProperty] public DocumentInput Input { get; set; } = new();

    [BindProperty] public IFormFile? Upload { get; set; }

    /// <summary>What the document governs, picked by name (the API takes the same as "round:3, initiative:451").</summary>
    [BindProperty] public List<string> GovernsPick { get; set; } = [];

    public List<(string Key, string Label)> Choices { get; private set; } = [];

    public Dictionary<string, string> GovernedNames { get; private set; } = [];

    public IReadOnlyList<DocumentView> Rows { get; private set; } = [];

    public bool CanAdd { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.IsAuthenticated || scope.ReadPaths.Count == 0)
        {
            return Forbid();
        }

        var home = scope.PathsFor(Operation.ManageDocuments).OrderBy(p => p.Length).FirstOrDefault();
        Input.UnitCode = home is null || home == "/" ? null : home.TrimEnd('/').Split('/')[^1];
        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Vui lòng chọn tệp văn bản (PDF, Word…).");
        }

        if (GovernsPick.Count > 0)
        {
            Input.Governs = string.Join(", ", GovernsPick.Where(p => p.Length < 40).Take(50));
            ModelState.Remove("Input.Governs");
        }

        if (ModelState.IsValid && await Outcomes.PageAsync(ModelState, db, () => MovementDocuments.AddAsync(db, scope, store, Input, Upload!, clock, ct)))
        {
            TempData["Flash"] = $"Đã lưu văn bản số {Input.Number}.";
            return RedirectToPage();
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    private async Task LoadAsync(UserScope scope, CancellationToken ct)
    {
        CanAdd = scope.CanAnywhere(Operation.ManageDocuments);
        Rows = (await MovementDocuments.SearchAsync(db, scope, Q, null, null, null, ListPage.First(), ct)).Items;
        GovernedNames = await MovementDocuments.LabelsAsync(db, Rows.SelectMany(r => r.Governs), ct);
        Choices = CanAdd ? await MovementDocuments.ChoicesAsync(db, scope, ct) : [];
    }
}
