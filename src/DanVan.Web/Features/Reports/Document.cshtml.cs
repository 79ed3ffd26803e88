using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Campaigns;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Reports;

/// <summary>The officer fills the document's fields (number, place, date, signer, recipients), then downloads the .docx.</summary>
public class DocumentModel([FromKeyedServices(ReadReplica.Key)] AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)] public int Map { get; set; } = Maps.Current;

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    [BindProperty] public DocumentInput Input { get; set; } = new();

    public string UnitName { get; private set; } = "Toàn quốc";

    /// <summary>The layout asked for when the page opens (?issuer=State); the fields' defaults follow it.</summary>
    [BindProperty(SupportsGet = true)] public IssuerKind? Issuer { get; set; }

    /// <summary>Each layout's defaults, for the page to swap in when the officer changes the layout.</summary>
    public Dictionary<IssuerKind, Dictionary<string, string>> Defaults { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var today = CampaignsApi.Today(clock);
        From ??= new DateOnly(today.Year, 1, 1);
        To ??= today;
        var target = await Summary.ResolveAsync(db, scope, Unit, Map, ct);
        UnitName = target.Unit?.FullName ?? "Toàn quốc";
        var shortName = target.Unit?.Name ?? "Hà Nội";
        var level = target.Unit?.FullName.ToLower(Cultures.Vietnamese).Split(' ')[0] ?? string.Empty;
        // documents.md: a Party body writes "TỈNH ỦY … / BAN CHỈ ĐẠO …, Số 07-BC/BCĐ, T/M"; a State body "ỦY BAN NHÂN DÂN …,
        // Số: 07/BC-UBND, TM. … CHỦ TỊCH". Switching the layout switches these defaults.
        Defaults = new()
        {
            [IssuerKind.Party] = new()
            {
                ["SuperiorBody"] = target.Unit is null ? "BAN CHẤP HÀNH TRUNG ƯƠNG" : target.Unit.Level == 1 ? "Tỉnh ủy " + shortName : "Đảng ủy " + level + " " + shortName,
                ["IssuingBody"] = "Ban Chỉ đạo phong trào thi đua \"Dân vận khéo\"",
                ["Number"] = "…-BC/BCĐ",
                ["Authority"] = "T/M BAN CHỈ ĐẠO\nTRƯỞNG BAN",
                ["Recipients"] = "- Ban Dân vận cấp trên,\n- Các thành viên Ban Chỉ đạo,",
            },
            [IssuerKind.State] = new()
            {
                ["SuperiorBody"] = target.Unit is null ? string.Empty : target.Unit.Level == 1 ? string.Empty : "Ủy ban nhân dân tỉnh",
                ["IssuingBody"] = target.Unit is null ? "Chính phủ" : "Ủy ban nhân dân " + level + " " + shortName,
                ["Number"] = "…/BC-UBND",
                ["Authority"] = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
                ["Recipients"] = "- Ban Chỉ đạo phong trào thi đua \"Dân vận khéo\",\n- Các phòng, ban, đơn vị,",
            },
        };
        var issuer = Issuer ?? IssuerKind.Party;
        var d = Defaults[issuer];
        Input = new DocumentInput
        {
            Issuer = issuer,
            SuperiorBody = d["SuperiorBody"],
            IssuingBody = d["IssuingBody"],
            Number = d["Number"],
            Place = shortName,
            Date = today,
            Subject = From.Value.Year == To.Value.Year
                ? $"Kết quả thực hiện phong trào thi đua \"Dân vận khéo\" năm {To.Value.Year}"
                : $"Tổng kết phong trào thi đua \"Dân vận khéo\" giai đoạn {From.Value.Year}–{To.Value.Year}",
            Authority = d["Authority"],
            Recipients = d["Recipients"],
        };

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var today = CampaignsApi.Today(clock);
            var report = await Summary.RunAsync(db, scope, Unit, Map, From ?? new DateOnly(today.Year, 1, 1), To ?? today, ct);
            return File(ReviewDocument.Build(Input, report), Exports.DocxType, Exports.FileName("bao-cao " + report.Unit.Name, "docx"));
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            return Page();
        }
    }
}
