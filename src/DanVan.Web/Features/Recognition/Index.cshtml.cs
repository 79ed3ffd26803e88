using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Recognition;

/// <summary>The register of recognition decisions in the caller's area: found by number, year and level.</summary>
public class IndexModel(AppDbContext db, ScopeAccessor scopes) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public RecognitionLevel? Level { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public List<DecisionView> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public bool CanIssue { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        CanIssue = scope.CanAnywhere(Operation.RecognizeCommune);
        if (Year is not (>= 2000 and <= 2100))
        {
            Year = null;
        }

        Number = Number is { Length: > 50 } ? Number[..50] : Number;
        (Rows, Total) = await Recognitions.RegisterAsync(db, scope, Number, Year, Level, PageNumber, ct);
    }

    /// <summary>The register as found (every page of it, up to 10,000 decisions) in a spreadsheet.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        var scope = await scopes.GetAsync(ct);
        var all = new List<DecisionView>();
        for (var page = 1; all.Count < Math.Min(Total, 10_000); page++)
        {
            var (rows, _) = await Recognitions.RegisterAsync(db, scope, Number, Year, Level, page, ct);
            if (rows.Count == 0)
            {
                break;
            }

            all.AddRange(rows);
        }

        return Reports.Exports.ListXlsx("Sổ quyết định công nhận", "Sổ quyết định công nhận mô hình \"Dân vận khéo\"",
            ["Số quyết định", "Ngày", "Cấp công nhận", "Cơ quan ban hành", "Đơn vị", "Người ký"],
            all.Select(d => new object?[] { d.Number, d.Date, Recognitions.LevelLabel(d.Level), d.IssuingBody, d.UnitName, d.Signer }));
    }
}
