using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Results;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Imports;

[RequestSizeLimit(ImportJobs.MaxBytes + (1024 * 1024))]
public class IndexModel(AppDbContext db, ScopeAccessor scopes, EvidenceStore store, TimeProvider clock) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }

    [BindProperty] public bool DryRun { get; set; } = true;

    public List<ImportJobView> Jobs { get; private set; } = [];

    public ImportJobView? Job { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? job, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.CanAnywhere(Operation.Import))
        {
            return Forbid();
        }

        Jobs = await ImportJobs.MineAsync(db, scope, ct);
        Job = job is null ? null : await ImportJobs.ViewAsync(db, scope, job.Value, ct);
        return Page();
    }

    /// <summary>htmx: the job's progress, polled until it ends.</summary>
    public async Task<IActionResult> OnGetStatusAsync(int job, CancellationToken ct)
    {
        var view = await ImportJobs.ViewAsync(db, await scopes.GetAsync(ct), job, ct);
        return view is null ? NotFound() : Partial("_Job", view);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (Upload is null)
        {
            ModelState.AddModelError(nameof(Upload), "Vui lòng chọn tệp .xlsx hoặc .csv.");
        }
        else
        {
            ImportJob? job = null;
            if (await Outcomes.PageAsync(ModelState, db, async () => job = await ImportJobs.EnqueueAsync(db, scope, store, Upload, DryRun, clock, ct), prefix: "Upload."))
            {
                return RedirectToPage(new { job = job!.Id });
            }
        }

        Jobs = await ImportJobs.MineAsync(db, scope, ct);
        return Page();
    }
}
