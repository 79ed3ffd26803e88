using DanVan.Data;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Campaigns;

public class DetailModel(AppDbContext db, ScopeAccessor scopes, Mailer mailer, TimeProvider clock) : PageModel
{
    public CampaignDetail Campaign { get; private set; } = null!;

    public bool CanManage { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var d = await Campaigns.DetailAsync(db, scope, id, CampaignsApi.Today(clock), ct);
        if (d is null)
        {
            return NotFound();
        }

        Campaign = d;
        CanManage = scope.Can(Operation.RunRound, d.ScopePath);
        return Page();
    }

    public async Task<IActionResult> OnPostRemindAsync(int id, CancellationToken ct)
    {
        try
        {
            var (told, noOfficer) = await Campaigns.RemindAsync(db, await scopes.GetAsync(ct), mailer, id, CampaignsApi.Today(clock), clock, ct);
            TempData["Flash"] = (told == 0 ? "Không có cán bộ nào cần nhắc." : $"Đã nhắc {told} cán bộ của các đơn vị chưa đạt chỉ tiêu.")
                + (noOfficer.Count == 0 ? string.Empty : $" Chưa có cán bộ để nhắc ở {noOfficer.Count} đơn vị: {string.Join(", ", noOfficer.Take(20))}{(noOfficer.Count > 20 ? "…" : string.Empty)}; hãy giao cán bộ hoặc liên hệ trực tiếp.");
        }
        catch (Domain.DomainException e)
        {
            TempData["Error"] = e.Message;
        }

        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var d = await Campaigns.DetailAsync(db, scope, id, CampaignsApi.Today(clock), ct);
        if (d is null)
        {
            return NotFound();
        }

        var period = $"{d.OpensOn.ToString("dd/MM/yyyy", Cultures.Vietnamese)} – {d.ClosesOn.ToString("dd/MM/yyyy", Cultures.Vietnamese)}";
        return Reports.Exports.ListXlsx("Tiến độ đăng ký", $"Tiến độ đợt đăng ký \"{d.Name}\" ({d.UnitName}, {period})",
            ["Đơn vị, tổ chức", "Chỉ tiêu", "Đã đăng ký", "Tình trạng", "Cán bộ phụ trách"],
            d.Progress.Select(p => new object?[]
            {
                p.Name, p.Target, p.Registered, p.Missing ? "Chưa đăng ký" : p.Late ? "Chậm" : p.BelowTarget ? "Chưa đạt chỉ tiêu" : "Đạt",
                string.Join("; ", p.Officers.Select(o => $"{o.FullName} <{o.Email}>")),
            }));
    }
}
