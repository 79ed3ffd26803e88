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
}
