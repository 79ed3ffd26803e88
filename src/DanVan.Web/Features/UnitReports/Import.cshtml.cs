using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Imports;
using DanVan.Features.Indicators;
using DanVan.Features.Reports;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.UnitReports;

/// <summary>The movement's figures from a spreadsheet, as the command line and the API take them: all rows or none.</summary>
public class ImportModel(AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }

    [BindProperty] public bool DryRun { get; set; } = true;

    /// <summary>A file that passed its check, carried by the page (base64) so that it is not chosen again to import it.</summary>
    [BindProperty] public string? Kept { get; set; }

    [BindProperty] public string? KeptName { get; set; }

    /// <summary>Files up to this size are carried over after a check; larger ones are chosen again.</summary>
    public const int KeepUpTo = 2 * 1024 * 1024;

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

        byte[] bytes;
        string fileName;
        if (Upload is { Length: > 0 })
        {
            if (Upload.Length > 20 * 1024 * 1024)
            {
                ModelState.AddModelError(nameof(Upload), "Tệp quá lớn: tối đa 20 MB.");
                return Page();
            }

            await using var read = Upload.OpenReadStream();
            using var copy = new MemoryStream();
            await read.CopyToAsync(copy, ct);
            (bytes, fileName) = (copy.ToArray(), Upload.FileName);
        }
        else if (!string.IsNullOrEmpty(Kept) && Kept.Length <= KeepUpTo * 4 / 3 + 4 && TryBase64(Kept) is { } kept)
        {
            // The file checked a moment ago: the real run reads it again and applies the same rules.
            (bytes, fileName) = (kept, string.IsNullOrWhiteSpace(KeptName) ? "tep.xlsx" : KeptName);
        }
        else
        {
            ModelState.AddModelError(nameof(Upload), "Vui lòng chọn tệp .xlsx hoặc .csv.");
            return Page();
        }

        await using var stream = new MemoryStream(bytes);
        Outcome = await ResultsImport.RunAsync(db, scope, stream, fileName, DryRun, clock, ct);
        WasDryRun = DryRun;
        ModelState.Remove(nameof(Kept));
        ModelState.Remove(nameof(KeptName));
        Kept = DryRun && Outcome.FileError is null && Outcome.Errors.Count == 0 && bytes.Length <= KeepUpTo ? Convert.ToBase64String(bytes) : null;
        KeptName = Kept is null ? null : fileName;
        if (Outcome.FileError is not null)
        {
            ModelState.AddModelError(nameof(Upload), Outcome.FileError);
        }

        return Page();
    }

    /// <summary>A template to fill: the caller's units with the catalogue's indicators for the last quarter, and her models by number.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.CanAnywhere(Operation.ReportResults))
        {
            return Forbid();
        }

        var bytes = await ResultsImport.TemplateAsync(db, scope, CampaignsToday(), ct);
        return File(bytes, Exports.XlsxType, Exports.FileName("mau-nhap-so-lieu", "xlsx"));
    }

    private DateOnly CampaignsToday() => Features.Campaigns.CampaignsApi.Today(clock);

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var n) ? buffer[..n] : null;
    }
}
