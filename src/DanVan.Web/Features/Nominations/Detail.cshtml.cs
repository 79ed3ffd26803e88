using DanVan.Data;
using DanVan.Features.Awards;
using DanVan.Features.Inspections;
using DanVan.Features.Documents;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Nominations;

/// <summary>One nomination: where it is, its steps, and what the caller may do with it now.</summary>
public class DetailModel(AppDbContext db, ScopeAccessor scopes, TimeProvider clock, EvidenceStore store) : PageModel
{
    public NominationView View { get; private set; } = null!;

    [BindProperty] public int Version { get; set; }

    [BindProperty] public string? Reason { get; set; }

    [BindProperty] public IFormFile? Upload { get; set; }

    [BindProperty] public Domain.AttachmentKind AttachKind { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) =>
        ActAsync(id, scope => Nominations.SubmitAsync(db, scope, id, Version, clock, ct), "Đã gửi hồ sơ lên cấp trên.", ct);

    public Task<IActionResult> OnPostReceiveAsync(int id, CancellationToken ct) =>
        ActAsync(id, scope => Nominations.ActAsync(db, scope, id, "receive", null, Version, clock, ct), "Đã tiếp nhận hồ sơ.", ct);

    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct) =>
        ActAsync(id, scope => Nominations.ActAsync(db, scope, id, "return", Reason, Version, clock, ct), "Đã trả lại hồ sơ cho đơn vị.", ct);

    public Task<IActionResult> OnPostAttachAsync(int id, CancellationToken ct) =>
        ActAsync(id, async scope =>
        {
            if (Upload is null || Upload.Length == 0)
            {
                throw Domain.DomainException.For(nameof(Upload), "Vui lòng chọn tệp (PDF, Word, Excel hoặc ảnh).");
            }

            await Nominations.AttachAsync(db, scope, store, id, AttachKind, Upload, clock, ct);
        }, "Đã thêm tài liệu vào hồ sơ.", ct);

    public Task<IActionResult> OnPostForwardAsync(int id, CancellationToken ct) =>
        ActAsync(id, scope => Nominations.ActAsync(db, scope, id, "forward", null, Version, clock, ct), "Đã trình hồ sơ lên cấp trên.", ct);

    private async Task<IActionResult> ActAsync(int id, Func<UserScope, Task> action, string done, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (await Outcomes.PageAsync(ModelState, db, () => action(scope), prefix: string.Empty))
        {
            TempData["Flash"] = done;
            return Redirect($"/Nominations/Detail/{id}");
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var v = await Nominations.ViewAsync(db, await scopes.GetAsync(ct), id, clock, ct);
        if (v is null)
        {
            return false;
        }

        View = v;
        return true;
    }
}
