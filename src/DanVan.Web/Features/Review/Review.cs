using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Initiatives;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Review;

public sealed class ReviewInput
{
    /// <summary>keep, retire or reinstate.</summary>
    [Required(ErrorMessage = "Vui lòng chọn quyết định.")]
    public ReviewDecisionKind? Decision { get; set; }

    [Display(Name = "Lý do")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(2000, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Reason { get; set; }

    [Display(Name = "Ngày")]
    public DateOnly? On { get; set; }
}

/// <summary>Why an initiative is due for review.</summary>
public sealed record ReviewFlags(bool NoRecentResults, bool FlatIndicators, bool NoAppraisal, int? CopiedFromId, string? CopiedFromName, bool NotInspected = false)
{
    public bool Any => NoRecentResults || FlatIndicators || NoAppraisal || CopiedFromId is not null || NotInspected;
}

public sealed record ReviewRow(int Id, string Name, string UnitName, Field Field, DateOnly RegisteredOn, DateOnly? LastReport, RecognitionLevel? Level,
    ReviewFlags Flags, ReviewDecisionKind? DecidedThisYear, string? DecisionReason);

public sealed record ReviewSettings(int MonthsWithoutResults = 12, int FlatReports = 3, int YearsWithoutAppraisal = 3);

public static class Reviews
{
    /// <summary>Initiatives due for the yearly review in the caller's area, each with its automatic flags.</summary>
    public static async Task<List<ReviewRow>> DueAsync(AppDbContext db, UserScope scope, string? unitCode, DateOnly asOf, ReviewSettings settings, CancellationToken ct)
    {
        var paths = scope.PathsFor(Operation.RetireAtReview);
        var q = db.Initiatives.AsNoTracking().WithinPaths(paths, i => i.ScopePath).Where(i => i.Status != InitiativeStatus.Retired && i.RegisteredOn <= asOf);
        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            var unit = await Lookups.CurrentUnitAsync(db, unitCode, "Unit", ct);
            q = q.WithinPaths([unit.Path], i => i.ScopePath);
        }

        var items = await q.OrderBy(i => i.ScopePath).ThenBy(i => i.SortKey).Take(2000)
            .Select(i => new { i.Id, i.Name, Unit = i.CurrentUnit!.FullName, i.Field, i.RegisteredOn, i.HighestLevel, i.FirstRecognizedOn, i.Summary, i.ScopePath })
            .ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var reports = await db.ResultReports.AsNoTracking().Where(r => ids.Contains(r.InitiativeId))
            .Select(r => new { r.InitiativeId, r.PeriodStart, r.Narrative, Values = r.Values.Select(v => new { v.Indicator, v.Value }).ToList() })
            .ToListAsync(ct);
        var since = asOf.AddYears(-settings.YearsWithoutAppraisal);
        var appraised = await db.AppraisalItems.AsNoTracking().Where(a => ids.Contains(a.InitiativeId) && a.Appraisal!.OpenedOn >= since)
            .Select(a => a.InitiativeId).Distinct().ToListAsync(ct);
        var recognisedSince = await db.Recognitions.AsNoTracking().Where(r => ids.Contains(r.InitiativeId) && r.Date >= since).Select(r => r.InitiativeId).Distinct().ToListAsync(ct);
        // Visited by an inspection in the same years: the model itself, or its unit as a whole.
        var unitPaths = items.Select(i => i.ScopePath).Distinct().ToList();
        var inspected = await db.Inspections.AsNoTracking().Where(x => x.VisitedOn >= since && ((x.InitiativeId != null && ids.Contains(x.InitiativeId.Value))
                || (x.InitiativeId == null && unitPaths.Contains(x.ScopePath))))
            .Select(x => new { x.InitiativeId, x.ScopePath }).ToListAsync(ct);
        var yearStart = new DateOnly(asOf.Year, 1, 1);
        var decisions = await db.ReviewDecisions.AsNoTracking().Where(d => ids.Contains(d.InitiativeId) && d.On >= yearStart)
            .OrderBy(d => d.Id).Select(d => new { d.InitiativeId, d.Kind, d.Reason }).ToListAsync(ct);

        // The text each initiative tells about itself: its latest narrative, else its summary.
        var texts = items.ToDictionary(i => i.Id, i => Similarity.Shingles(
            reports.Where(r => r.InitiativeId == i.Id && !string.IsNullOrWhiteSpace(r.Narrative)).OrderByDescending(r => r.PeriodStart).Select(r => r.Narrative).FirstOrDefault()
            ?? i.Summary));
        var rows = new List<ReviewRow>();
        var cutoff = asOf.AddMonths(-settings.MonthsWithoutResults);
        foreach (var i in items)
        {
            var mine = reports.Where(r => r.InitiativeId == i.Id).OrderByDescending(r => r.PeriodStart).ToList();
            var noRecent = i.RegisteredOn <= cutoff && !mine.Any(r => r.PeriodStart >= cutoff);
            var last = mine.Take(settings.FlatReports).ToList();
            var flat = last.Count == settings.FlatReports && last[0].Values.Count > 0 && last[0].Values.All(v =>
                last.All(r => r.Values.Any(x => x.Indicator == v.Indicator && x.Value == v.Value)));
            var noAppraisal = i.RegisteredOn <= since && !appraised.Contains(i.Id) && !recognisedSince.Contains(i.Id);
            int? copiedFrom = null;
            string? copiedName = null;
            if (texts[i.Id].Count >= 5)
            {
                var other = items.Where(o => o.Id != i.Id && o.ScopePath[..4] == i.ScopePath[..4])
                    .Select(o => (o, score: Similarity.Jaccard(texts[i.Id], texts[o.Id]))).Where(x => x.score >= Similarity.CopiedThreshold)
                    .OrderByDescending(x => x.score).Select(x => x.o).FirstOrDefault();
                copiedFrom = other?.Id;
                copiedName = other?.Name;
            }

            var notInspected = i.RegisteredOn <= since && !inspected.Any(x => x.InitiativeId == i.Id || (x.InitiativeId == null && x.ScopePath == i.ScopePath));
            var flags = new ReviewFlags(noRecent, flat, noAppraisal, copiedFrom, copiedName, notInspected);
            var decision = decisions.LastOrDefault(d => d.InitiativeId == i.Id);
            if (flags.Any || decision is not null)
            {
                rows.Add(new ReviewRow(i.Id, i.Name, i.Unit, i.Field, i.RegisteredOn, mine.FirstOrDefault()?.PeriodStart, i.HighestLevel, flags, decision?.Kind, decision?.Reason));
            }
        }

        return rows;
    }

    public static async Task DecideAsync(AppDbContext db, UserScope scope, int initiativeId, ReviewInput input, TimeProvider clock, CancellationToken ct)
    {
        var initiative = await Lookups.InitiativeAsync(db, scope, initiativeId, ct);
        scope.Demand(Operation.RetireAtReview, initiative.ScopePath);
        var on = input.On ?? VietnamClock.Today(clock);
        switch (input.Decision!.Value)
        {
            case ReviewDecisionKind.Retire:
                initiative.Retire(on, input.Reason);
                break;
            case ReviewDecisionKind.Reinstate:
                initiative.Reinstate(input.Reason);
                break;
            case ReviewDecisionKind.Keep:
                if (initiative.Status == InitiativeStatus.Retired)
                {
                    throw new DomainException("Mô hình đã bị loại bỏ; muốn giữ lại hãy chọn khôi phục.");
                }

                if (string.IsNullOrWhiteSpace(input.Reason))
                {
                    throw new DomainException("Cần ghi nhận xét khi giữ lại mô hình.") { Field = "Reason" };
                }

                break;
            default:
                throw DomainException.For("Decision", "Quyết định không hợp lệ.");
        }

        db.ReviewDecisions.Add(new ReviewDecision { InitiativeId = initiative.Id, Kind = input.Decision.Value, On = on, Reason = input.Reason!.Trim(), By = scope.UserName });
        if (input.Decision.Value is ReviewDecisionKind.Retire or ReviewDecisionKind.Reinstate)
        {
            await Notifier.NotifyOfficersAsync(db, initiative.ScopePath, input.Decision.Value == ReviewDecisionKind.Retire
                    ? $"Mô hình \"{initiative.Name}\" đã bị loại bỏ khi rà soát: {input.Reason!.Trim()}"
                    : $"Mô hình \"{initiative.Name}\" được khôi phục khi rà soát: {input.Reason!.Trim()}",
                $"/Initiatives/{initiative.Id}", clock.GetUtcNow(), ct);
        }

        await db.SaveChangesAsync(ct);
    }

    public static Task<List<ReviewDecision>> HistoryAsync(AppDbContext db, int initiativeId, CancellationToken ct) =>
        db.ReviewDecisions.AsNoTracking().Where(d => d.InitiativeId == initiativeId).OrderByDescending(d => d.Id).ToListAsync(ct);
}
