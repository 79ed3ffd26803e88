using System.Globalization;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Campaigns;
using DanVan.Features.Indicators;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Reports;

/// <summary>A figure of the report, opened: its share in each child unit, and the models and reports that make it.</summary>
public class SourcesModel([FromKeyedServices(ReadReplica.Key)] AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Indicator { get; set; }

    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)] public int Map { get; set; } = Maps.Current;

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public SourcesView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.IsAuthenticated || scope.ReadPaths.Count == 0)
        {
            return Forbid();
        }

        var today = CampaignsApi.Today(clock);
        From ??= new DateOnly(today.Year, 1, 1);
        To ??= today;
        Map = Maps.IsKnown(Map) ? Map : Maps.Current;
        try
        {
            View = await IndicatorSources.RunAsync(db, scope, Indicator, Unit, Map, From.Value, To.Value, ct);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }

        return Page();
    }

    public string SourcesUrl(string? unit) =>
        $"/Reports/Sources?indicator={Uri.EscapeDataString(Indicator ?? string.Empty)}&unit={Uri.EscapeDataString(unit ?? string.Empty)}&map={Map}&from={D(From)}&to={D(To)}";

    public string ReportUrl => $"/Reports?unit={Uri.EscapeDataString(Unit ?? string.Empty)}&map={Map}&from={D(From)}&to={D(To)}";

    private static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
