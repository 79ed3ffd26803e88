using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Imports;
using DanVan.Features.Indicators;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.UnitReports;

/// <summary>The movement's figures from a spreadsheet, as the command line and the API take them: all rows or none.</summary>
public class ImportModel(AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }

    [BindProperty] public bool DryRun { get; set; } = true;

    public ResultsImportOutcome? Outcome { get; private set; }

    public bool WasDryRun { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        (await scopes.GetAsync(ct)).CanAnywhere(Operation.ReportResults) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.CanAnywhere(Operation.ReportResults))
        {
            return Forbid();
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Vui lòng chọn tệp .xlsx hoặc .csv.");
            return Page();
        }

        if (Upload.Length > 20 * 1024 * 1024)
        {
            ModelState.AddModelError(nameof(Upload), "Tệp quá lớn: tối đa 20 MB.");
            return Page();
        }

        await using var stream = Upload.OpenReadStream();
        Outcome = await ResultsImport.RunAsync(db, scope, stream, Upload.FileName, DryRun, clock, ct);
        WasDryRun = DryRun;
        if (Outcome.FileError is not null)
        {
            ModelState.AddModelError(nameof(Upload), Outcome.FileError);
        }

        return Page();
    }
}
