using DanVan.Data;
using DanVan.Features.Nominations;
using DanVan.Features.Inspections;
using DanVan.Features.Documents;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Awards;

/// <summary>The certificates of a decision (bằng khen, giấy khen): one A4 landscape page per recipient, ready to print.</summary>
public class CertificatesModel(AppDbContext db, ScopeAccessor scopes) : PageModel
{
    public AwardView Award { get; private set; } = null!;

    /// <summary>The line under the title, editable before printing (the template's words).</summary>
    [BindProperty(SupportsGet = true)] public string? Wording { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var a = await Awards.ViewAsync(db, await scopes.GetAsync(ct), id, ct);
        if (a is null)
        {
            return NotFound();
        }

        Award = a;
        Wording = string.IsNullOrWhiteSpace(Wording) ? "Đã có thành tích xuất sắc trong phong trào thi đua \"Dân vận khéo\"" : Wording.Trim();
        return Page();
    }
}
