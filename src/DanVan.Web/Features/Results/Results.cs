using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Initiatives;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Results;

public sealed class IndicatorInput
{
    [StringLength(300)]
    [CleanText]
    public string? Indicator { get; set; }

    [Range(-1_000_000_000_000d, 1_000_000_000_000_000d, ErrorMessage = "Giá trị nằm ngoài khoảng cho phép.")]
    public decimal? Value { get; set; }

    public int? MeasureUnitId { get; set; }

    /// <summary>A new unit of measure to add to the catalogue (when MeasureUnitId is empty).</summary>
    [StringLength(50)]
    [CleanText]
    public string? NewMeasure { get; set; }

    /// <summary>The standard indicator this figure belongs to ("funds_mobilized"), so it counts in the movement's results.</summary>
    [StringLength(60)]
    public string? StandardIndicator { get; set; }

    /// <summary>The standard indicator's category ("people"), or empty for its total.</summary>
    [StringLength(30)]
    public string? Category { get; set; }
}

public sealed class ResultInput
{
    [Display(Name = "Loại kỳ")]
    [Required(ErrorMessage = "Vui lòng chọn {0}.")]
    public PeriodKind? PeriodKind { get; set; }

    [Display(Name = "Kỳ báo cáo")]
    [Required(ErrorMessage = "Vui lòng chọn {0}.")]
    public DateOnly? PeriodStart { get; set; }

    [Display(Name = "Đánh giá kết quả")]
    [StringLength(8000, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Narrative { get; set; }

    [Display(Name = "Chỉ số")]
    [MaxLength(50, ErrorMessage = "{0}: tối đa {1} mục.")]
    public List<IndicatorInput> Values { get; set; } = [];

    public int Version { get; set; }
}

/// <param name="Standard">The standard indicator it is a figure of ("funds_mobilized", or "funds_mobilized|people" for a category), if any.</param>
public sealed record IndicatorView(string Indicator, decimal Value, string Measure, string? Standard = null);

public sealed record EvidenceView(int Id, string FileName, EvidenceKind Kind, long Size, bool IsImage);

public sealed record ResultView(int Id, int InitiativeId, PeriodKind PeriodKind, DateOnly PeriodStart, string PeriodLabel, string? Narrative,
    DateTimeOffset SubmittedAt, string? SubmittedBy, int Version, IReadOnlyList<IndicatorView> Values, IReadOnlyList<EvidenceView> Evidence, int Revisions);

public sealed record MeasureView(int Id, string Name, bool BuiltIn, bool Approved = true, string? ProposedBy = null);

public static class ResultReporting
{
    /// <summary>How many measures one person may have waiting for approval.</summary>
    public const int MaxPendingProposals = 20;

    /// <summary>
    /// The units of measure a caller may use: approved for the country or for a province they work in, and their own
    /// proposals still waiting. An officer's new unit is not shown to anyone else until the secretariat approves it.
    /// </summary>
    public static IQueryable<MeasureUnit> Usable(AppDbContext db, UserScope scope)
    {
        var provinces = scope.ReadPaths.Select(UnitPaths.Province).Distinct().ToList();
        return db.MeasureUnits.Where(m => (m.Approved && (m.ScopePath == "/" || provinces.Contains(m.ScopePath))) || (!m.Approved && m.CreatedBy == scope.UserName));
    }

    public static Task<List<MeasureView>> MeasuresAsync(AppDbContext db, UserScope scope, CancellationToken ct) =>
        Usable(db, scope).AsNoTracking().OrderByDescending(m => m.BuiltIn).ThenByDescending(m => m.Approved).ThenBy(m => m.Id)
            .Select(m => new MeasureView(m.Id, m.Name, m.BuiltIn, m.Approved, m.Approved ? null : m.CreatedBy)).ToListAsync(ct);

    /// <summary>Proposals waiting in the caller's area, for the secretariat (or an admin) to approve.</summary>
    public static Task<List<MeasureView>> ProposalsAsync(AppDbContext db, UserScope scope, CancellationToken ct) =>
        db.MeasureUnits.AsNoTracking().Where(m => !m.Approved).WithinPaths(scope.PathsFor(Operation.ApproveMeasures), m => m.ScopePath)
            .OrderBy(m => m.Id).Take(500).Select(m => new MeasureView(m.Id, m.Name, m.BuiltIn, m.Approved, m.CreatedBy)).ToListAsync(ct);

    /// <summary>Approves a proposal for its province, or (an admin) for the whole country.</summary>
    public static async Task<MeasureUnit> ApproveAsync(AppDbContext db, UserScope scope, int id, bool countryWide, CancellationToken ct)
    {
        var m = await db.MeasureUnits.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new ScopeException(false);
        scope.Demand(Operation.ApproveMeasures, countryWide ? "/" : m.ScopePath);
        m.Approved = true;
        m.ScopePath = countryWide ? "/" : m.ScopePath;
        db.Audit("measure-approved", nameof(MeasureUnit), id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { m.Name, m.ScopePath });
        await db.SaveChangesAsync(ct);
        return m;
    }

    public static async Task<List<ResultView>> ForInitiativeAsync(AppDbContext db, UserScope scope, int initiativeId, CancellationToken ct)
    {
        _ = await Lookups.InitiativeAsync(db, scope, initiativeId, ct);
        var reports = await db.ResultReports.AsNoTracking().Where(r => r.InitiativeId == initiativeId)
            .Include(r => r.Values).ThenInclude(v => v.MeasureUnit).Include(r => r.Values).ThenInclude(v => v.StandardIndicator).Include(r => r.Evidence)
            .OrderByDescending(r => r.PeriodStart).ThenBy(r => r.PeriodKind).ToListAsync(ct);
        var revisions = await db.ResultRevisions.AsNoTracking().Where(v => reports.Select(r => r.Id).Contains(v.ReportId))
            .GroupBy(v => v.ReportId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        return reports.Select(r => View(r, revisions.GetValueOrDefault(r.Id))).ToList();
    }

    public static ResultView View(ResultReport r, int revisions) => new(r.Id, r.InitiativeId, r.PeriodKind, r.PeriodStart, r.PeriodLabel, r.Narrative,
        r.SubmittedAt, r.SubmittedBy, r.Version,
        r.Values.OrderBy(v => v.Id).Select(v => new IndicatorView(v.Indicator, v.Value, v.MeasureUnit?.Name ?? string.Empty,
            v.StandardIndicator is null ? null : v.Category is null ? v.StandardIndicator.Code : $"{v.StandardIndicator.Code}|{v.Category}")).ToList(),
        r.Evidence.OrderBy(e => e.Id).Select(e => new EvidenceView(e.Id, e.FileName, e.Kind, e.Size, EvidenceStore.IsImage(e.Kind))).ToList(), revisions);

    public static async Task<ResultReport> SaveAsync(AppDbContext db, UserScope scope, int initiativeId, int? reportId, ResultInput input,
        TimeProvider clock, CancellationToken ct)
    {
        var initiative = await Lookups.InitiativeAsync(db, scope, initiativeId, ct);
        if (!scope.Can(Operation.ReportResults, initiative.ScopePath))
        {
            throw new ScopeException(true);
        }

        var kind = input.PeriodKind!.Value;
        var start = ResultReport.StartOf(kind, input.PeriodStart!.Value);
        ResultReport report;
        if (reportId is null)
        {
            if (await db.ResultReports.AnyAsync(r => r.InitiativeId == initiativeId && r.PeriodKind == kind && r.PeriodStart == start, ct))
            {
                throw DomainException.For(nameof(ResultInput.PeriodStart), "Kỳ này đã có báo cáo; hãy mở báo cáo đó để sửa (đính chính).");
            }

            report = ResultReport.Open(initiativeId, kind, start);
            db.ResultReports.Add(report);
        }
        else
        {
            report = await db.ResultReports.Include(r => r.Values).ThenInclude(v => v.MeasureUnit)
                .FirstOrDefaultAsync(r => r.Id == reportId && r.InitiativeId == initiativeId, ct) ?? throw new ScopeException(false);
            db.ExpectVersion(report, input.Version);

            // A correction keeps what was there before.
            db.ResultRevisions.Add(new ResultRevision
            {
                ReportId = report.Id,
                At = clock.GetUtcNow(),
                By = scope.UserName,
                Snapshot = JsonSerializer.Serialize(new
                {
                    report.PeriodKind, report.PeriodStart, report.Narrative, report.SubmittedAt, report.SubmittedBy,
                    Values = report.Values.Select(v => new { v.Indicator, v.Value, Measure = v.MeasureUnit?.Name }),
                }),
            });
            db.IndicatorValues.RemoveRange(report.Values);
        }

        var values = new List<IndicatorValue>();
        foreach (var v in input.Values.Where(v => !string.IsNullOrWhiteSpace(v.Indicator) || v.Value is not null))
        {
            if (v.Value is null)
            {
                throw DomainException.For("Values", $"Chỉ số \"{v.Indicator}\" chưa có giá trị.");
            }

            var measure = await MeasureAsync(db, v, scope, UnitPaths.Province(initiative.ScopePath), ct);
            var value = new IndicatorValue(v.Indicator ?? string.Empty, v.Value.Value, measure);
            if (!string.IsNullOrWhiteSpace(v.StandardIndicator))
            {
                // The form's one select says both: "funds_mobilized|people".
                if (v.StandardIndicator.Split('|') is [var code, var category])
                {
                    v.StandardIndicator = code;
                    v.Category = category;
                }

                // A standard indicator's figure is kept also in its canonical unit, which is what the summary adds up.
                var standard = await Indicators.IndicatorCatalogue.FindAsync(db, v.StandardIndicator, initiative.ScopePath, ct)
                    ?? throw DomainException.For("Values", $"Không có chỉ tiêu \"{v.StandardIndicator}\" trong danh mục.");
                value.CountAs(standard, Indicators.IndicatorCatalogue.CategoryOf(standard, v.Category), Quantities.ToCanonical(v.Value.Value, measure.Name, standard.Unit));
            }

            values.Add(value);
        }

        report.Record(kind, start, values, input.Narrative, clock.GetUtcNow(), scope.UserName);
        report.Validate(initiative, VietnamClock.Today(clock));

        initiative.MarkReporting();
        await db.SaveChangesAsync(ct);
        return report;
    }

    private static async Task<MeasureUnit> MeasureAsync(AppDbContext db, IndicatorInput v, UserScope scope, string province, CancellationToken ct)
    {
        if (v.MeasureUnitId is { } id)
        {
            return await Usable(db, scope).FirstOrDefaultAsync(m => m.Id == id, ct)
                ?? throw DomainException.For("Values", "Đơn vị tính không có trong danh mục.");
        }

        var name = v.NewMeasure?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw DomainException.For("Values", $"Chỉ số \"{v.Indicator}\" cần đơn vị tính.");
        }

        var existing = await Usable(db, scope).FirstOrDefaultAsync(m => m.Name == name, ct)
            ?? db.MeasureUnits.Local.FirstOrDefault(m => m.Name == name);
        if (existing is not null)
        {
            return existing;
        }

        // A new unit is a proposal: usable by its proposer now, by others once the secretariat approves it.
        var pending = await db.MeasureUnits.CountAsync(m => !m.Approved && m.CreatedBy == scope.UserName, ct)
            + db.MeasureUnits.Local.Count(m => m.Id == 0 && !m.Approved);
        if (pending >= MaxPendingProposals)
        {
            throw DomainException.For("Values", $"Bạn đã đề xuất {MaxPendingProposals} đơn vị tính đang chờ duyệt; hãy chọn đơn vị có sẵn hoặc chờ Ban Dân vận duyệt.");
        }

        var created = new MeasureUnit { Name = name, CreatedBy = scope.UserName, Approved = scope.Can(Operation.ApproveMeasures, province), ScopePath = province };
        db.MeasureUnits.Add(created);
        return created;
    }

    public static async Task<EvidenceFile> AttachAsync(AppDbContext db, UserScope scope, EvidenceStore store, int reportId, IFormFile file, bool isPublic,
        TimeProvider clock, CancellationToken ct)
    {
        var report = await db.ResultReports.Include(r => r.Initiative).FirstOrDefaultAsync(r => r.Id == reportId, ct) ?? throw new ScopeException(false);
        if (!scope.CanRead(report.Initiative!.ScopePath))
        {
            throw new ScopeException(false);
        }

        if (!scope.Can(Operation.ReportResults, report.Initiative.ScopePath))
        {
            throw new ScopeException(true);
        }

        var evidence = await store.SaveAsync(file, scope.UserName, clock.GetUtcNow(), db, ct);
        evidence.Public = isPublic;
        evidence.ReportId = report.Id;
        db.EvidenceFiles.Add(evidence);
        db.Audit("evidence-added", nameof(ResultReport), report.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { evidence.FileName, evidence.Kind, evidence.Size });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            store.Discard(evidence, db);
            throw;
        }

        return evidence;
    }

    /// <summary>
    /// A photo taken when the model is registered: kept as the evidence of a report for the registration month
    /// ("ảnh kèm hồ sơ đăng ký"), private until an officer marks it public. Only pictures are taken here.
    /// </summary>
    public static async Task<EvidenceFile> AttachRegistrationPhotoAsync(AppDbContext db, UserScope scope, EvidenceStore store, Initiative initiative,
        IFormFile photo, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(initiative);
        ArgumentNullException.ThrowIfNull(photo);
        await using (var head = photo.OpenReadStream())
        {
            await using var buffer = new MemoryStream();
            await head.CopyToAsync(buffer, ct);
            if (EvidenceStore.Detect(buffer) is not { } kind || !EvidenceStore.IsImage(kind))
            {
                throw DomainException.For("Photo", "Ảnh phải là tệp JPG, PNG, WEBP hoặc GIF.");
            }
        }

        if (!scope.Can(Operation.ReportResults, initiative.ScopePath))
        {
            throw new ScopeException(true);
        }

        var evidence = await store.SaveAsync(photo, scope.UserName, clock.GetUtcNow(), db, ct);
        evidence.InitiativeId = initiative.Id;
        db.EvidenceFiles.Add(evidence);
        db.Audit("registration-photo-added", nameof(Initiative), initiative.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { evidence.FileName, evidence.Kind, evidence.Size });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            store.Discard(evidence, db);
            throw;
        }

        return evidence;
    }

    /// <summary>The photos of a model's registration dossier (not results).</summary>
    public static Task<List<EvidenceView>> RegistrationPhotosAsync(AppDbContext db, int initiativeId, CancellationToken ct) =>
        db.EvidenceFiles.AsNoTracking().Where(e => e.InitiativeId == initiativeId).OrderBy(e => e.Id)
            .Select(e => new EvidenceView(e.Id, e.FileName, e.Kind, e.Size, e.Kind == EvidenceKind.Jpeg || e.Kind == EvidenceKind.Png || e.Kind == EvidenceKind.Webp || e.Kind == EvidenceKind.Gif))
            .ToListAsync(ct);

    /// <summary>An evidence file the caller may see, with where it is on disk.</summary>
    public static async Task<EvidenceFile?> EvidenceAsync(AppDbContext db, UserScope scope, int id, CancellationToken ct)
    {
        var e = await db.EvidenceFiles.AsNoTracking().Where(f => f.Id == id)
            .Select(f => new
            {
                File = f,
                Path = f.InitiativeId != null
                    ? db.Initiatives.Where(i => i.Id == f.InitiativeId).Select(i => i.ScopePath).First()
                    : db.ResultReports.Where(r => r.Id == f.ReportId).Select(r => r.Initiative!.ScopePath).First(),
            })
            .FirstOrDefaultAsync(ct);
        return e is not null && scope.CanRead(e.Path) ? e.File : null;
    }
}
