using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Initiatives;

/// <summary>Register a new initiative (no id) or edit one.</summary>
public class EditModel(AppDbContext db, ScopeAccessor scopes, EvidenceStore store, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InitiativeInput Input { get; set; } = new();

    [BindProperty]
    public string? Province { get; set; }

    public int? Id { get; private set; }

    public List<UnitSummary> Provinces { get; private set; } = [];

    public List<UnitSummary> Communes { get; private set; } = [];

    public List<(int Id, string Name)> Organizations { get; private set; } = [];

    /// <summary>Records kept on a 2024 unit keep it; the form shows it without a picker.</summary>
    public string? OldUnitName { get; private set; }

    public List<Campaigns.CampaignRow> OpenCampaigns { get; private set; } = [];

    /// <summary>Shown, not edited: the lifecycle changes at review, recognition and reporting.</summary>
    public InitiativeStatus Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, int? campaignId, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.CanAnywhere(Operation.Register))
        {
            return Forbid();
        }

        Id = id;
        if (id is not null)
        {
            var detail = await InitiativeQueries.DetailAsync(db, scope, id.Value, ct);
            if (detail is null)
            {
                return NotFound();
            }

            if (!scope.Can(Operation.Edit, detail.ScopePath))
            {
                return Forbid();
            }

            Input = InitiativeCommands.ToInput(detail);
            Status = detail.Status;
        }
        else
        {
            Input.RegisteredOn = VietnamClock.Today(clock);
            Input.CampaignId = campaignId;
        }

        await LoadChoicesAsync(scope, ct);
        // A new model goes into the round open for the officer's unit (the one closing first) unless she picks another.
        if (id is null && campaignId is null)
        {
            Input.CampaignId = OpenCampaigns.FirstOrDefault()?.Id;
        }

        return Page();
    }

    /// <summary>The officer has seen the similar models and registers anyway.</summary>
    [BindProperty] public bool ConfirmSimilar { get; set; }

    /// <summary>A photo of the model, taken at registration (optional).</summary>
    [BindProperty] public IFormFile? Photo { get; set; }

    public List<(int Id, string Name, string Unit)> Similar { get; private set; } = [];

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.CanAnywhere(Operation.Register))
        {
            return Forbid();
        }

        Id = id;
        Input.TargetGroups ??= []; // the form shows every box: none ticked means none
        if (ModelState.IsValid && id is null && !ConfirmSimilar)
        {
            // A warning, not a refusal: the officer looks at the similar models and may still register.
            Similar = await InitiativeQueries.SimilarAsync(db, scope, Input.Name, Input.UnitCode, Input.OwnerOrganizationId, ct);
            if (Similar.Count > 0)
            {
                ModelState.AddModelError(string.Empty, "Đơn vị hoặc tổ chức này đã có mô hình tương tự. Hãy xem lại; nếu vẫn là mô hình khác, đánh dấu ô xác nhận rồi đăng ký.");
            }
        }

        if (ModelState.IsValid)
        {
            Initiative? saved = null;
            if (await Outcomes.PageAsync(ModelState, db, async () =>
                {
                    if (id is not null)
                    {
                        saved = await InitiativeCommands.UpdateAsync(db, scope, id.Value, Input, ct);
                        return;
                    }

                    // The model and its photo together, or neither: a refused photo registers nothing.
                    await using var tx = await db.Database.BeginTransactionAsync(ct);
                    saved = await InitiativeCommands.CreateAsync(db, scope, Input, clock, ct);
                    if (Photo is { Length: > 0 })
                    {
                        await Results.ResultReporting.AttachRegistrationPhotoAsync(db, scope, store, saved, Photo, clock, ct);
                    }

                    await tx.CommitAsync(ct);
                }))
            {
                TempData["Flash"] = id is null ? "Đã đăng ký mô hình." : "Đã lưu thay đổi.";
                return RedirectToPage("/Initiatives/Detail", new { id = saved!.Id });
            }
        }

        await LoadChoicesAsync(scope, ct);
        return Page();
    }

    /// <summary>htmx: the organisations of a commune, as &lt;option&gt;s.</summary>
    public async Task<IActionResult> OnGetOrganizationsAsync([FromQuery(Name = "Input.UnitCode")] string? unit, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var orgs = await OrganizationsOf(scope, unit, ct);
        return Content("<option value=\"\">— Không chọn —</option>" + string.Concat(orgs.Select(o =>
            $"<option value=\"{o.Id}\">{System.Net.WebUtility.HtmlEncode(o.Name)}</option>")), "text/html; charset=utf-8");
    }

    private async Task<List<(int Id, string Name)>> OrganizationsOf(UserScope scope, string? unit, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(unit))
        {
            return [];
        }

        var path = await db.AdminUnits.Where(u => u.Map == Maps.Current && u.Code == unit).Select(u => u.Path).FirstOrDefaultAsync(ct);
        if (path is null)
        {
            return [];
        }

        var list = await db.Organizations.AsNoTracking().ReadableBy(scope, o => o.ScopePath).WithinPaths([path], o => o.ScopePath)
            .OrderBy(o => o.SortKey).Select(o => new { o.Id, o.Name }).Take(300).ToListAsync(ct);
        return list.Select(o => (o.Id, o.Name)).ToList();
    }

    private async Task LoadChoicesAsync(UserScope scope, CancellationToken ct)
    {
        if (Id is { } id)
        {
            Status = await db.Initiatives.Where(i => i.Id == id).Select(i => i.Status).FirstOrDefaultAsync(ct);
        }

        var writable = scope.PathsFor(Operation.Register);
        var provinces = await UnitQueries.ChildrenAsync(db, Maps.Current, null, ct);
        Provinces = provinces.Where(p => writable.Any(w => UnitPaths.Contains(w, $"/{p.Code}/") || UnitPaths.Contains($"/{p.Code}/", w))).ToList();

        var map = Input.UnitMap ?? (Input.RegisteredOn is { } d ? Maps.InForceOn(d) : Maps.Current);
        if (Id is not null && map == Maps.Map2024 && Input.UnitCode is not null)
        {
            OldUnitName = await db.AdminUnits.Where(u => u.Map == map && u.Code == Input.UnitCode).Select(u => u.FullName).FirstOrDefaultAsync(ct);
            Input.UnitMap = map;
        }
        else
        {
            Input.UnitMap = Maps.Current;
            if (Input.UnitCode is not null)
            {
                Province ??= await db.AdminUnits.Where(u => u.Map == Maps.Current && u.Code == Input.UnitCode).Select(u => u.ParentCode).FirstOrDefaultAsync(ct);
            }

            Province ??= Provinces.Count == 1 ? Provinces[0].Code : null;
            if (Province is not null)
            {
                Communes = await db.AdminUnits.AsNoTracking().Where(u => u.Map == Maps.Current && u.ParentCode == Province)
                    .WithinPaths(writable, u => u.Path).OrderBy(u => u.SortKey)
                    .Select(u => new UnitSummary(u.Map, u.Code, u.Name, u.FullName, u.Type, u.Level, u.ParentCode, 0)).ToListAsync(ct);
                if (Communes.Count == 1)
                {
                    Input.UnitCode ??= Communes[0].Code;
                }
            }
        }

        OpenCampaigns = await Campaigns.Campaigns.OpenForAsync(db, writable, VietnamClock.Today(clock), ct);
        var orgUnit = OldUnitName is null ? Input.UnitCode : await db.AdminUnits
            .Where(u => u.Map == Maps.Current && u.Path == db.AdminUnits.Where(o => o.Map == Maps.Map2024 && o.Code == Input.UnitCode).Select(o => o.CurrentPath).FirstOrDefault())
            .Select(u => u.Code).FirstOrDefaultAsync(ct);
        Organizations = await OrganizationsOf(scope, orgUnit, ct);
    }
}
