using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Initiatives;
using DanVan.Features.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Organizations;

public class EditModel(AppDbContext db, ScopeAccessor scopes) : PageModel
{
    [BindProperty]
    public OrganizationInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public List<UnitSummary> Communes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.CanAnywhere(Operation.Register))
        {
            return Forbid();
        }

        Id = id;
        if (id is not null)
        {
            var org = await db.Organizations.AsNoTracking().PermittedFor(scope, Operation.Edit, o => o.ScopePath).Include(o => o.Unit).FirstOrDefaultAsync(o => o.Id == id, ct);
            if (org is null)
            {
                return await OrganizationQueries.GetAsync(db, scope, id.Value, ct) is null ? NotFound() : Forbid();
            }

            Input = new OrganizationInput
            {
                Name = org.Name, Kind = org.Kind, UnitCode = org.Unit!.Code, Address = org.Address, Phone = org.Phone, Email = org.Email, Version = org.Version,
            };
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Id = id;
        if (ModelState.IsValid)
        {
            if (await Outcomes.PageAsync(ModelState, db, () => OrganizationQueries.SaveAsync(db, scope, id, Input, ct)))
            {
                TempData["Flash"] = "Đã lưu tổ chức.";
                return RedirectToPage("/Organizations/Index");
            }
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    private async Task LoadAsync(UserScope scope, CancellationToken ct) =>
        Communes = await UnitChoices.WithinAsync(db, scope.PathsFor(Operation.Register), 2, ct);
}
