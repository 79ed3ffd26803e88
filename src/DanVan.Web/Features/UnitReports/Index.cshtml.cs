using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Indicators;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.UnitReports;

/// <summary>The units' own reports in the caller's area, and where to start a new one.</summary>
public class IndexModel(AppDbContext db, ScopeAccessor scopes, Mailer mailer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public IReadOnlyList<UnitReportView> Reports { get; private set; } = [];

    public bool CanReport { get; private set; }

    /// <summary>The period most units are writing now: the half-year just ended, or the current one.</summary>
    public string SuggestedPeriod { get; private set; } = string.Empty;

    public string? HomeUnit { get; private set; }

    /// <summary>For a period asked for: the communes of the area, reported or not.</summary>
    public List<Indicators.UnitReports.ProgressRow> Progress { get; private set; } = [];

    public ReportPeriod? ThePeriod { get; private set; }

    public bool CanRemind { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var today = Campaigns.CampaignsApi.Today(clock);
        SuggestedPeriod = today.Month <= 6 ? $"{today.Year - 1}-H2" : $"{today.Year}-H1";
        CanReport = scope.CanAnywhere(Operation.ReportResults);
        HomeUnit = scope.PathsFor(Operation.ReportResults).OrderByDescending(p => p.Length).FirstOrDefault()?.TrimEnd('/').Split('/')[^1];
        Reports = (await Indicators.UnitReports.ListAsync(db, scope, ReportPeriod.TryParse((Period ?? string.Empty).Trim().ToUpperInvariant(), out var asked) ? asked.Code : null, ListPage.First(), ct)).Items;
        CanRemind = scope.CanAnywhere(Operation.RunRound);
        if (ReportPeriod.TryParse(Period, out var period))
        {
            ThePeriod = period;
            Progress = await Indicators.UnitReports.ProgressAsync(db, scope.ReadPaths, period, today, ct);
        }
        else if (!string.IsNullOrWhiteSpace(Period))
        {
            ModelState.AddModelError("Period", "Kỳ báo cáo không hợp lệ: viết 2024 (năm), 2024-H1 (6 tháng), 2024-Q3 (quý) hoặc 2024-05 (tháng).");
        }
    }

    public async Task<IActionResult> OnPostRemindAsync(CancellationToken ct)
    {
        if (!ReportPeriod.TryParse(Period, out var period))
        {
            return RedirectToPage();
        }

        try
        {
            var (told, noOfficer) = await Indicators.UnitReports.RemindAsync(db, await scopes.GetAsync(ct), mailer, period, clock, ct);
            TempData["Flash"] = (told == 0 ? "Không có cán bộ nào cần nhắc." : $"Đã nhắc {told} cán bộ của các xã, phường chưa nộp báo cáo {period.Label}.")
                + (noOfficer.Count == 0 ? string.Empty : $" Chưa có cán bộ để nhắc ở {noOfficer.Count} xã, phường: {string.Join(", ", noOfficer.Take(20))}{(noOfficer.Count > 20 ? "…" : string.Empty)}; hãy giao cán bộ hoặc liên hệ trực tiếp.");
        }
        catch (Domain.DomainException e)
        {
            TempData["Error"] = e.Message;
        }

        return RedirectToPage(new { period = period.Code });
    }
}
