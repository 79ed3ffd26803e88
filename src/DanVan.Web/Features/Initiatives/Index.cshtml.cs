using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Initiatives;

public class IndexModel([FromKeyedServices(ReadReplica.Key)] AppDbContext db, ScopeAccessor scopes) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Field { get; set; }

    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)] public string? Origin { get; set; }

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)] public int? Map { get; set; }

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)] public DateOnly? AsOf { get; set; }

    [BindProperty(SupportsGet = true)] public bool? Recognized { get; set; }

    [BindProperty(SupportsGet = true)] public string? OwnerType { get; set; }

    [BindProperty(SupportsGet = true)] public string? TargetGroup { get; set; }

    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public Page<InitiativeRow> Result { get; private set; } = new([], 1, 20, 0);

    public bool CanRegister { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        CanRegister = scope.CanAnywhere(Operation.Register);
        var filter = new InitiativeFilter(
            EnumKeys.TryParse<Field>(Field, out var f) ? f : null,
            EnumKeys.TryParse<InitiativeKind>(Kind, out var k) ? k : null,
            EnumKeys.TryParse<Origin>(Origin, out var o) ? o : null,
            EnumKeys.TryParse<InitiativeStatus>(Status, out var s) ? s : null,
            string.IsNullOrWhiteSpace(Unit) ? null : Unit.Trim(), Map is { } m && Maps.IsKnown(m) ? m : null,
            Year is >= 2000 and <= 2100 ? Year : null, Q, Sort, PageNumber, 20, AsOf, Recognized,
            EnumKeys.TryParse<Domain.OwnerType>(OwnerType, out var ot) ? ot : null, EnumKeys.TryParse<TargetGroups>(TargetGroup, out var tg) ? tg : null);
        Result = await InitiativeQueries.ListAsync(db, scope, filter, ct);
    }

    public string PageUrl(int page)
    {
        var q = Request.Query.ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
        q["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return "/Initiatives" + Microsoft.AspNetCore.Http.QueryString.Create(q!);
    }
}
