using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Recognition;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Inspections;

/// <summary>
/// The minutes of an inspection (biên bản kiểm tra), in the Party format (documents.md): the body that inspected, the
/// visit's day and place, the team, what was checked, the findings and rating, the follow-up tasks with deadlines, and the
/// signatures of the team leader and of the unit's representative side by side. The header and the names are adjusted
/// in the address before printing.
/// </summary>
public class MinutesModel(AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    public InspectionView Inspection { get; private set; } = null!;

    [BindProperty(SupportsGet = true)] public string? Superior { get; set; }

    [BindProperty(SupportsGet = true)] public string? Body { get; set; }

    [BindProperty(SupportsGet = true)] public string? Leader { get; set; }

    [BindProperty(SupportsGet = true)] public string? Representative { get; set; }

    public string Place { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var found = await Inspections.ViewAsync(db, scope, id, clock, ct);
        if (found is null)
        {
            return NotFound();
        }

        Inspection = found;
        var province = await db.AdminUnits.AsNoTracking().Where(u => u.Map == Maps.Current && u.Code == found.UnitCode)
            .Select(u => u.Level == 1 ? u.Name : u.Parent!.Name).FirstOrDefaultAsync(ct) ?? string.Empty;
        Place = DecisionDocument.ShortName(found.UnitName);
        Superior = Clip(Superior) ?? "Tỉnh ủy " + province;
        Body = Clip(Body) ?? "Ban Chỉ đạo phong trào thi đua \"Dân vận khéo\"";
        Leader = Clip(Leader);
        Representative = Clip(Representative);
        return Page();
    }

    private static string? Clip(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
        {
            return null;
        }

        var clean = TextInput.Clean(s.Trim());
        return clean.Length > 200 ? clean[..200] : clean;
    }
}
