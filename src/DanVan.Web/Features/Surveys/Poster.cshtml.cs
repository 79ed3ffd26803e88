using DanVan.Data;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace DanVan.Features.Surveys;

/// <summary>A printable A4 poster with the survey's QR code, for the one-stop desk or the village hall.</summary>
public class PosterModel(AppDbContext db, ScopeAccessor scopes, SiteAddress site) : PageModel
{
    public string SurveyUrl { get; private set; } = string.Empty;

    public string QrSvg { get; private set; } = string.Empty;

    public string Question { get; private set; } = string.Empty;

    public string InitiativeName { get; private set; } = string.Empty;

    public string UnitName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (await SurveyCommands.FindAsync(db, scope, id, ct) is not { } s)
        {
            return NotFound();
        }

        SurveyUrl = site.Link($"/cong-khai/khao-sat/{s.Key}");
        using var data = QRCodeGenerator.GenerateQrCode(SurveyUrl, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(8);
        (Question, InitiativeName, UnitName) = (s.Question, s.Initiative!.Name, s.Initiative.CurrentUnit!.FullName);
        return Page();
    }
}
