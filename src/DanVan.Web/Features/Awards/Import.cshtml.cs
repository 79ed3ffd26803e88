using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Nominations;
using DanVan.Features.Inspections;
using DanVan.Features.Documents;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Awards;

/// <summary>Award lists from a spreadsheet, as the command line and the API take them: all rows or none.</summary>
public class ImportModel(AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }

    [BindProperty] public bool DryRun { get; set; } = true;

    public AwardsImportOutcome? Outcome { get; private set; }

    public bool WasDryRun { get; private set; }

    private static bool MayIssue(UserScope scope) => scope.CanDecideAnywhere;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => MayIssue(await scopes.GetAsync(ct)) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!MayIssue(scope))
        {
            return Forbid();
        }

        if (Upload is null || Upload.Length == 0 || Upload.Length > 20 * 1024 * 1024)
        {
            ModelState.AddModelError(nameof(Upload), Upload is null || Upload.Length == 0 ? "Vui lòng chọn tệp .xlsx hoặc .csv." : "Tệp quá lớn: tối đa 20 MB.");
            return Page();
        }

        await using var stream = Upload.OpenReadStream();
        Outcome = await AwardsImport.RunAsync(db, scope, stream, Upload.FileName, DryRun, clock, ct);
        WasDryRun = DryRun;
        if (Outcome.FileError is not null)
        {
            ModelState.AddModelError(nameof(Upload), Outcome.FileError);
        }

        return Page();
    }
}
