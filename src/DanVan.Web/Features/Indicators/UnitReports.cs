using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Indicators;

public sealed class UnitValueInput
{
    /// <summary>The indicator's code or name.</summary>
    [Required(ErrorMessage = "Vui lòng chọn chỉ tiêu.")]
    [StringLength(200)]
    public string? Indicator { get; set; }

    /// <summary>A category code ("people") or empty for the indicator's total.</summary>
    [StringLength(30)]
    public string? Category { get; set; }

    public decimal? Value { get; set; }

    /// <summary>The unit the value is written in ("tỷ đồng", "ha"); empty = the indicator's own unit.</summary>
    [StringLength(30)]
    public string? Unit { get; set; }
}

public sealed class UnitReportInput
{
    [Display(Name = "Đơn vị")]
    [Required(ErrorMessage = "Vui lòng chọn {0}.")]
    [StringLength(20)]
    public string? UnitCode { get; set; }

    public int Map { get; set; } = Maps.Current;

    public int? OrganizationId { get; set; }

    [Display(Name = "Kỳ báo cáo")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(10)]
    public string? Period { get; set; }

    [StringLength(2000)]
    [CleanText]
    public string? Note { get; set; }

    [MaxLength(200, ErrorMessage = "{0}: tối đa {1} dòng.")]
    public List<UnitValueInput> Values { get; set; } = [];

    public int Version { get; set; }
}

public sealed record UnitReportValueView(string Indicator, string? Category, decimal Value, string Unit);

public sealed record UnitReportView(int Id, string UnitCode, string UnitName, int Map, int? OrganizationId, string Period, string PeriodLabel, DateOnly PeriodStart,
    DateOnly PeriodEnd, string? Note, DateTimeOffset SubmittedAt, string? SubmittedBy, int Version, IReadOnlyList<UnitReportValueView> Values);

/// <summary>A save's outcome: the report, and the figures worth a second look (over ten times the previous period).</summary>
public sealed record UnitReportSaved(UnitReport Report, IReadOnlyList<string> Warnings);

/// <summary>
/// A unit's periodic report of what the movement achieved outside its registered models. One per unit (or organisation)
/// and period; saving again replaces its figures (the audit trail keeps the earlier ones).
/// </summary>
public static class UnitReports
{
    public static async Task<UnitReportSaved> SaveAsync(AppDbContext db, UserScope scope, UnitReportInput input, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var period = ReportPeriod.Parse(input.Period!);
        if (!Maps.IsKnown(input.Map))
        {
            throw DomainException.For(nameof(UnitReportInput.Map), "Bản đồ phải là 2024 hoặc 2025.");
        }

        var unit = await db.AdminUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Map == input.Map && u.Code == input.UnitCode!.Trim(), ct)
            ?? throw DomainException.For(nameof(UnitReportInput.UnitCode), $"Không có đơn vị mã {input.UnitCode} trên bản đồ {input.Map}.");
        var path = unit.CountsUnder;
        if (!scope.CanRead(path))
        {
            throw new ScopeException(false);
        }

        scope.Demand(Operation.ReportResults, path);
        if (input.OrganizationId is { } orgId && !await db.Organizations.AnyAsync(o => o.Id == orgId && o.ScopePath == path, ct))
        {
            throw DomainException.For(nameof(UnitReportInput.OrganizationId), "Tổ chức không thuộc đơn vị này.");
        }

        // Every line converted to its indicator's unit; the same line twice is refused rather than silently added.
        var catalogue = await IndicatorCatalogue.UsableAt(db, path).ToListAsync(ct);
        var values = new Dictionary<(string Code, string? Category), (Indicator Indicator, decimal Value)>();
        foreach (var (v, k) in input.Values.Select((v, k) => (v, k)))
        {
            if (v.Value is null && string.IsNullOrWhiteSpace(v.Indicator))
            {
                continue;
            }

            var key = (v.Indicator ?? string.Empty).Trim();
            var indicator = IndicatorCatalogue.Find(catalogue, key)
                ?? throw DomainException.For($"Values[{k}].Indicator", $"Không có chỉ tiêu \"{key}\" trong danh mục.");
            if (v.Value is not { } raw)
            {
                continue; // a line left empty is not a zero
            }

            string? category;
            decimal canonical;
            try
            {
                category = IndicatorCatalogue.CategoryOf(indicator, v.Category);
                canonical = Quantities.ToCanonical(raw, v.Unit, indicator.Unit);
                indicator.CheckValue(canonical, "Value");
            }
            catch (DomainException e)
            {
                throw DomainException.For($"Values[{k}]." + (e.Field ?? "Value"), e.Message);
            }

            if (!values.TryAdd((indicator.Code, category), (indicator, canonical)))
            {
                throw DomainException.For($"Values[{k}].Indicator", $"{indicator.Name}{(category is null ? string.Empty : " (" + category + ")")} được nhập hai lần.");
            }
        }

        // A total left out while its categories are given is their sum.
        foreach (var group in values.Where(v => v.Key.Category is not null).GroupBy(v => v.Key.Code).ToList())
        {
            values.TryAdd((group.Key, null), (group.First().Value.Indicator, group.Sum(g => g.Value.Value)));
        }

        var report = await db.UnitReports.Include(r => r.Values)
            .FirstOrDefaultAsync(r => r.UnitId == unit.Id && r.OrganizationId == input.OrganizationId && r.Period == period.Code, ct);
        if (report is null)
        {
            report = UnitReport.Open(unit, input.OrganizationId, period, VietnamClock.Today(clock));
            db.UnitReports.Add(report);
        }
        else
        {
            // The form sends the version it showed (two officers at once: the second is told); a resubmission without one replaces.
            if (input.Version != 0)
            {
                db.ExpectVersion(report, input.Version);
            }

            db.UnitReportValues.RemoveRange(report.Values);
        }

        report.Record([.. values.Select(v => (v.Value.Indicator, v.Key.Category, v.Value.Value))], input.Note, clock.GetUtcNow(), scope.UserName);
        var warnings = await OutliersAsync(db, report, values, ct);
        db.Audit("unit-report-saved", nameof(UnitReport), $"{unit.Code}/{period.Code}",
            new { unit = unit.FullName, period = period.Code, values = values.ToDictionary(v => v.Key.Category is null ? v.Key.Code : $"{v.Key.Code}.{v.Key.Category}", v => v.Value.Value) });
        await db.SaveChangesAsync(ct);
        return new UnitReportSaved(report, warnings);
    }

    /// <summary>Figures over ten times the same unit's previous report of the same length: likely a slip of a unit or a zero.</summary>
    private static async Task<List<string>> OutliersAsync(AppDbContext db, UnitReport report, Dictionary<(string Code, string? Category), (Indicator Indicator, decimal Value)> values,
        CancellationToken ct)
    {
        var length = report.Period.Length;
        var previous = await db.UnitReports.AsNoTracking().Where(r => r.UnitId == report.UnitId && r.OrganizationId == report.OrganizationId
                && r.PeriodStart < report.PeriodStart && r.Period.Length == length && r.Id != report.Id)
            .OrderByDescending(r => r.PeriodStart).Select(r => r.Values.Select(v => new { v.IndicatorId, v.Category, v.Value }).ToList()).FirstOrDefaultAsync(ct);
        if (previous is null)
        {
            return [];
        }

        return values.Where(v => IndicatorRules.IsOutlier(v.Value.Value, previous.FirstOrDefault(p => p.IndicatorId == v.Value.Indicator.Id && p.Category == v.Key.Category)?.Value))
            .Select(v => $"{v.Value.Indicator.Name}: {Cultures.VietnameseNumber(v.Value.Value)} {v.Value.Indicator.Unit}, gấp hơn {IndicatorRules.OutlierFactor:0} lần kỳ trước — xin kiểm tra lại đơn vị tính.")
            .ToList();
    }

    public static async Task<UnitReportView?> FindAsync(AppDbContext db, UserScope scope, string unitCode, int map, string period, int? organizationId, CancellationToken ct)
    {
        // Split: as one query SQLite joined the report to every unit report's values with their indicators (66 ms at
        // national size, for each save's answer) before taking the report's few.
        var r = await db.UnitReports.AsNoTracking().Include(x => x.Unit).Include(x => x.Values).ThenInclude(v => v.Indicator).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Unit!.Code == unitCode && x.Unit.Map == map && x.Period == period && x.OrganizationId == organizationId, ct);
        return r is null || !scope.CanRead(r.ScopePath) ? null : View(r);
    }

    /// <summary>Units' reports in the caller's area (of one period: 2024, 2024-H1, 2024-Q3, 2024-05), latest period first, a page at a time.</summary>
    public static async Task<Page<UnitReportView>> ListAsync(AppDbContext db, UserScope scope, string? period, ListPage page, CancellationToken ct)
    {
        var q = db.UnitReports.AsNoTracking().ReadableBy(scope, r => r.ScopePath);
        if (!string.IsNullOrWhiteSpace(period))
        {
            var code = ReportPeriod.TryParse(period.Trim().ToUpperInvariant(), out var p) ? p.Code
                : throw DomainException.For("period", $"Kỳ báo cáo \"{period}\" không hợp lệ: viết 2024 (năm), 2024-H1 (6 tháng), 2024-Q3 (quý) hoặc 2024-05 (tháng).");
            q = q.Where(r => r.Period == code);
        }

        var rows = await Paging.NewestFirstAsync(q.Include(x => x.Unit).Include(x => x.Values).ThenInclude(v => v.Indicator).AsSplitQuery(), r => r.PeriodStart, page, ct);
        return rows.Select(View);
    }

    private static UnitReportView View(UnitReport r) => new(r.Id, r.Unit!.Code, r.Unit.FullName, r.Unit.Map, r.OrganizationId, r.Period, ReportPeriod.Parse(r.Period).Label,
        r.PeriodStart, r.PeriodEnd, r.Note, r.SubmittedAt, r.SubmittedBy, r.Version,
        r.Values.OrderBy(v => v.Indicator!.SortOrder).ThenBy(v => v.Category).Select(v => new UnitReportValueView(v.Indicator!.Code, v.Category, v.Value, v.Indicator.Unit)).ToList());

    /// <summary>
    /// The unit's figures for the same period (its models' in FromInitiatives): shown beside each line of the unit's
    /// form so that nobody types the models' figures again.
    /// </summary>
    public static async Task<Dictionary<string, IndicatorFigure>> ModelFiguresAsync(AppDbContext db, UserScope scope, string path, ReportPeriod period,
        CancellationToken ct) =>
        await IndicatorFigures.ComputeAsync(db, scope, Maps.Current, path, period.Start, period.End, ct);

    /// <summary>A report is due this many days after its period ends; after that, a unit without one is late.</summary>
    public const int DueAfterDays = 15;

    public sealed record ProgressRow(string Code, string Name, bool Reported, bool Late, IReadOnlyList<string> OfficerIds);

    /// <summary>
    /// Who has reported for a period among the communes of the caller's area (or of the province they run), who is late
    /// (the period ended more than <see cref="DueAfterDays"/> days ago), and who would be told.
    /// </summary>
    public static async Task<List<ProgressRow>> ProgressAsync(AppDbContext db, IReadOnlyList<string> paths, ReportPeriod period, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var communes = await db.AdminUnits.AsNoTracking().Where(u => u.Map == Maps.Current && u.Level == 2).WithinPaths(paths, u => u.Path)
            .OrderBy(u => u.ParentCode).ThenBy(u => u.SortKey).Take(5000).Select(u => new { u.Id, u.Code, u.FullName, u.Path }).ToListAsync(ct);
        var ids = communes.Select(c => c.Id).ToList();
        var reported = (await db.UnitReports.AsNoTracking().Where(r => r.Period == period.Code && r.OrganizationId == null && ids.Contains(r.UnitId))
            .Select(r => r.UnitId).ToListAsync(ct)).ToHashSet();
        var grants = await Notifier.GrantsCoveringAsync(db, communes.Where(c => !reported.Contains(c.Id)).Select(c => c.Path), [Role.Officer], ct);
        var late = today > period.End.AddDays(DueAfterDays);
        return communes.Select(c => new ProgressRow(c.Code, c.FullName, reported.Contains(c.Id), late && !reported.Contains(c.Id),
            grants.Where(g => g.Path == c.Path).Select(g => g.UserId).Distinct().ToList())).ToList();
    }

    /// <summary>Tells the officers of every commune without a report for the period, in the app and by mail.</summary>
    public static async Task<(int Told, IReadOnlyList<string> NoOfficer)> RemindAsync(AppDbContext db, UserScope scope, Mailer mailer, ReportPeriod period, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        // Reminding is running the round: the secretariat of the area (or an admin), for the communes of its area.
        if (!scope.CanAnywhere(Operation.RunRound))
        {
            throw new ScopeException(true);
        }

        var today = VietnamClock.Today(clock);
        if (today <= period.End)
        {
            throw new DomainException($"Kỳ {period.Label} chưa kết thúc (đến {period.End:dd/MM/yyyy}): chưa đến lúc nhắc nộp báo cáo.");
        }

        var rows = await ProgressAsync(db, scope.PathsFor(Operation.RunRound), period, today, ct);
        var missing = rows.Where(r => !r.Reported && r.OfficerIds.Count > 0).ToList();
        var noOfficer = rows.Where(r => !r.Reported && r.OfficerIds.Count == 0).Select(r => r.Name).ToList();

        var told = 0;
        foreach (var r in missing)
        {
            var text = $"{r.Name} chưa nộp báo cáo kết quả phong trào {period.Label}; hạn {period.End.AddDays(DueAfterDays):dd/MM/yyyy}.";
            var link = $"/UnitReports/Edit?unit={r.Code}&map={Maps.Current}&period={period.Code}";
            Notifier.Notify(db, r.OfficerIds, text, link, clock.GetUtcNow());
            await mailer.QueueToUsersAsync(db, r.OfficerIds, $"DanVan: nhắc báo cáo {period.Label}", text, link, ct);
            told += r.OfficerIds.Count;
        }

        db.Audit("unit-report-reminder", nameof(UnitReport), period.Code, new { units = missing.Count, officers = told, noOfficer = noOfficer.Count });
        await db.SaveChangesAsync(ct);
        return (told, noOfficer);
    }

    public static DateOnly PeriodEnd(PeriodKind kind, DateOnly start) => ResultReport.EndOf(kind, start);
}
