using DanVan.Data;
using DanVan.Features.Recognition;
using DanVan.Features.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using DanVan.Domain;

namespace DanVan.Features.Initiatives;

public class ReplicateModel(AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ReplicateInput Input { get; set; } = new();

    public string SourceName { get; private set; } = string.Empty;

    public List<UnitSummary> Communes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } r)
        {
            return r;
        }

        Input.RegisteredOn = VietnamClock.Today(clock);
        Input.Name = SourceName;
        Input.UnitCode = Communes.Count == 1 ? Communes[0].Code : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } r)
        {
            return r;
        }

        Domain.Initiative? copy = null;
        if (ModelState.IsValid && await Outcomes.PageAsync(ModelState, db, async () => copy = await Replication.ReplicateAsync(db, await scopes.GetAsync(ct), id, Input, clock, ct)))
        {
            TempData["Flash"] = "Đã đăng ký mô hình nhân rộng.";
            return RedirectToPage("/Initiatives/Detail", new { id = copy!.Id });
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var source = await db.Initiatives.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (source is null || (source.HighestLevel is null && !scope.CanRead(source.ScopePath)))
        {
            return NotFound();
        }

        if (!scope.CanAnywhere(Operation.Register))
        {
            return Forbid();
        }

        SourceName = source.Name;
        Communes = await UnitChoices.WithinAsync(db, scope.PathsFor(Operation.Register), 2, ct);
        return null;
    }
}
