using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Indicators;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.UnitReports;

/// <summary>The units' own reports in the caller's area, and where to start a new one.</summary>
public class IndexModel(AppDbContext db, ScopeAccessor scopes, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public List<UnitReportView> Reports { get; private set; } = [];

    public bool CanReport { get; private set; }

    /// <summary>The period most units are writing now: the half-year just ended, or the current one.</summary>
    public string SuggestedPeriod { get; private set; } = string.Empty;

    public string? HomeUnit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var today = Campaigns.CampaignsApi.Today(clock);
        SuggestedPeriod = today.Month <= 6 ? $"{today.Year - 1}-H2" : $"{today.Year}-H1";
        CanReport = scope.CanAnywhere(Operation.ReportResults);
        HomeUnit = scope.PathsFor(Operation.ReportResults).OrderByDescending(p => p.Length).FirstOrDefault()?.TrimEnd('/').Split('/')[^1];
        Reports = await Indicators.UnitReports.ListAsync(db, scope, string.IsNullOrWhiteSpace(Period) ? null : Period.Trim().ToUpperInvariant(), ct);
    }
}
