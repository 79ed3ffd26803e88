using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features;

public class IndexModel(AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    public UserScope Scope { get; private set; } = UserScope.Anonymous;

    public List<(Role Role, string Unit, string? Code)> Grants { get; } = [];

    public Dictionary<InitiativeStatus, int> ByStatus { get; private set; } = [];

    public Dictionary<Field, int> ByField { get; private set; } = [];

    public int Organizations { get; private set; }

    public string? FullName { get; private set; }

    public Me.TaskList Tasks { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Scope = await scopes.GetAsync(ct);
        if (!Scope.IsAuthenticated)
        {
            // Citizens arrive at the public showcase; officers sign in from its header.
            return Redirect("/cong-khai");
        }

        FullName = await db.Users.Where(u => u.Id == Scope.UserId).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        var grants = await db.RoleGrants.AsNoTracking().Where(g => g.UserId == Scope.UserId)
            .Select(g => new { g.Role, Unit = g.Unit != null ? g.Unit.FullName : null, Code = g.Unit != null ? g.Unit.Code : null }).ToListAsync(ct);
        Grants.AddRange(grants.Select(g => (g.Role, g.Unit ?? "Toàn quốc", g.Code)));
        var mine = db.Initiatives.AsNoTracking().ReadableBy(Scope, i => i.ScopePath);
        ByStatus = await mine.GroupBy(i => i.Status).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        ByField = await mine.Where(i => i.Status != InitiativeStatus.Retired).GroupBy(i => i.Field).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        Organizations = await db.Organizations.AsNoTracking().ReadableBy(Scope, o => o.ScopePath).CountAsync(ct);
        Today = Campaigns.CampaignsApi.Today(clock);
        Tasks = await Me.MyTasks.ForAsync(db, Scope, Today, ct);
        return Page();
    }
}
