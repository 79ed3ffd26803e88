using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Initiatives;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Recognition;

public sealed class DecisionInput
{
    [Display(Name = "Đơn vị ban hành")]
    public string? UnitCode { get; set; }

    [Display(Name = "Số quyết định")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(50, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Number { get; set; }

    [Display(Name = "Ngày quyết định")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Cấp công nhận")]
    [Required(ErrorMessage = "Vui lòng chọn {0}.")]
    public RecognitionLevel? Level { get; set; }

    [Display(Name = "Cơ quan ban hành")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(300, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? IssuingBody { get; set; }

    [Display(Name = "Người ký")]
    [StringLength(200)]
    [CleanText]
    public string? Signer { get; set; }

    public int? AppraisalId { get; set; }

    [Display(Name = "Mô hình được công nhận")]
    [MaxLength(1000, ErrorMessage = "{0}: tối đa {1} mục.")]
    public List<int> InitiativeIds { get; set; } = [];
}

public sealed record RecognizedRow(int InitiativeId, string Name, string UnitName, Field Field, InitiativeKind Kind, string? Owner);

public sealed record DecisionView(int Id, string Number, DateOnly Date, RecognitionLevel Level, string IssuingBody, string? Signer, string? UnitCode, string UnitName,
    int? AppraisalId, IReadOnlyList<RecognizedRow> Initiatives);

public sealed record HistoryRow(int DecisionId, string Number, DateOnly Date, RecognitionLevel Level, string IssuingBody);

public static class Recognitions
{
    public static string LevelLabel(RecognitionLevel level) => level switch
    {
        RecognitionLevel.Commune => "Cấp xã",
        RecognitionLevel.District => "Cấp huyện",
        RecognitionLevel.Province => "Cấp tỉnh",
        RecognitionLevel.National => "Toàn quốc",
    };

    /// <summary>Issues one decision recognising several initiatives: all of them or none.</summary>
    public static async Task<RecognitionDecision> IssueAsync(AppDbContext db, UserScope scope, DecisionInput input, TimeProvider clock, CancellationToken ct)
    {
        // A national decision is issued for the whole country ("/"); the others by the unit named.
        var unit = input.Level == RecognitionLevel.National ? null : await Lookups.CurrentUnitAsync(db, input.UnitCode, nameof(DecisionInput.UnitCode), ct);
        scope.Demand(Permissions.RecognizeAt(input.Level!.Value), unit?.Path ?? "/");
        if (unit is not null)
        {
            var expected = unit.Level == 1 ? new[] { RecognitionLevel.Province, RecognitionLevel.District } : [RecognitionLevel.Commune];
            if (!expected.Contains(input.Level.Value))
            {
                throw DomainException.For(nameof(DecisionInput.Level), $"{unit.FullName} ban hành quyết định công nhận {LevelLabel(expected[0]).ToLowerInvariant()}.");
            }
        }

        var path = unit?.Path ?? "/";
        var number = input.Number!.Trim();
        var year = input.Date!.Value.Year;
        var numberKey = RecognitionDecision.KeyOf(path, number, year);
        if (await db.RecognitionDecisions.AnyAsync(d => d.NumberKey == numberKey || (d.ScopePath == path && d.Number == number
            && d.Date >= new DateOnly(year, 1, 1) && d.Date <= new DateOnly(year, 12, 31)), ct))
        {
            throw DomainException.For(nameof(DecisionInput.Number), $"Số quyết định {number} năm {year} đã được dùng.");
        }

        var ids = input.InitiativeIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            throw DomainException.For(nameof(DecisionInput.InitiativeIds), "Chọn ít nhất một mô hình được công nhận.");
        }

        var initiatives = await db.Initiatives.Include(i => i.Recognitions).WithinPaths([path], i => i.ScopePath).Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        if (initiatives.Count != ids.Count)
        {
            throw DomainException.For(nameof(DecisionInput.InitiativeIds), "Có mô hình không thuộc phạm vi của cơ quan ban hành.");
        }

        if (input.AppraisalId is { } appraisalId)
        {
            var passed = await db.AppraisalItems.Where(i => i.AppraisalId == appraisalId && i.Outcome == AppraisalOutcome.Passed).Select(i => i.InitiativeId).ToListAsync(ct);
            if (initiatives.FirstOrDefault(i => !passed.Contains(i.Id)) is { } notPassed)
            {
                throw new DomainException($"Mô hình \"{notPassed.Name}\" chưa được hội đồng kết luận đạt trong đợt thẩm định này.");
            }
        }

        var decision = new RecognitionDecision
        {
            UnitId = unit?.Id,
            ScopePath = path,
            Number = number,
            NumberKey = numberKey,
            Date = input.Date.Value,
            Level = input.Level!.Value,
            IssuingBody = input.IssuingBody!.Trim(),
            Signer = input.Signer?.Trim(),
            AppraisalId = input.AppraisalId,
        };
        db.RecognitionDecisions.Add(decision);
        foreach (var i in initiatives)
        {
            i.Recognize(decision); // throws for a retired one or one already at this level: nothing is saved
        }

        await db.SaveChangesAsync(ct);
        // One query for everyone to tell, however many models the decision names.
        var grants = await Notifier.GrantsCoveringAsync(db, initiatives.Select(i => i.ScopePath), [Role.Officer, Role.Secretariat], ct);
        foreach (var i in initiatives)
        {
            var officers = grants.Where(g => UnitPaths.Contains(g.Path, i.ScopePath)).Select(g => g.UserId);
            Notifier.Notify(db, officers, $"Mô hình \"{i.Name}\" được công nhận {LevelLabel(decision.Level).ToLowerInvariant()} (Quyết định số {decision.Number}).",
                $"/Initiatives/{i.Id}", clock.GetUtcNow());
        }

        await db.SaveChangesAsync(ct);
        return decision;
    }

    public static async Task<DecisionView?> ViewAsync(AppDbContext db, UserScope scope, int id, CancellationToken ct)
    {
        var d = await db.RecognitionDecisions.AsNoTracking().Include(x => x.Unit).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return null;
        }

        var rows = await db.Recognitions.AsNoTracking().Where(r => r.DecisionId == id).ReadableBy(scope, r => r.Initiative!.ScopePath)
            .OrderBy(r => r.Initiative!.ScopePath).ThenBy(r => r.Initiative!.SortKey)
            .Select(r => new RecognizedRow(r.InitiativeId, r.Initiative!.Name, r.Initiative.CurrentUnit!.FullName, r.Initiative.Field, r.Initiative.Kind,
                r.Initiative.OwnerOrganization != null ? r.Initiative.OwnerOrganization.Name : r.Initiative.OwnerName)).ToListAsync(ct);
        if (rows.Count == 0 && !scope.CanRead(d.ScopePath))
        {
            return null;
        }

        return new DecisionView(d.Id, d.Number, d.Date, d.Level, d.IssuingBody, d.Signer, d.ScopePath == "/" ? null : d.Unit?.Code,
            d.ScopePath == "/" ? "Toàn quốc" : d.Unit?.FullName ?? string.Empty, d.AppraisalId, rows);
    }

    public static Task<List<HistoryRow>> HistoryAsync(AppDbContext db, int initiativeId, CancellationToken ct) =>
        db.Recognitions.AsNoTracking().Where(r => r.InitiativeId == initiativeId).OrderBy(r => r.Date).ThenBy(r => r.Level)
            .Select(r => new HistoryRow(r.DecisionId, r.Decision!.Number, r.Date, r.Level, r.Decision.IssuingBody)).ToListAsync(ct);

    /// <summary>The register of decisions the caller may read: by number (any part, without case), year and level, newest first.</summary>
    public static async Task<(List<DecisionView> Rows, int Total)> RegisterAsync(AppDbContext db, UserScope scope, string? number, int? year, RecognitionLevel? level,
        int page, CancellationToken ct)
    {
        var q = db.RecognitionDecisions.AsNoTracking().WithinPaths(scope.ReadPaths, d => d.ScopePath);
        if (!string.IsNullOrWhiteSpace(number))
        {
            // Numbers are written "12-QĐ/BCĐ" or "12-qđ/bcđ": the spellings are compared as the database stores them.
            var n = number.Trim();
            var spellings = new[] { n, n.ToUpper(Cultures.Vietnamese), n.ToLower(Cultures.Vietnamese) }.Distinct().ToList();
            q = q.Where(d => spellings.Any(x => d.Number.Contains(x)));
        }

        if (year is { } y)
        {
            q = q.Where(d => d.Date >= new DateOnly(y, 1, 1) && d.Date <= new DateOnly(y, 12, 31));
        }

        if (level is { } l)
        {
            q = q.Where(d => d.Level == l);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(d => d.Date).ThenByDescending(d => d.Id).Skip((Math.Max(page, 1) - 1) * 50).Take(50)
            .Summaries().ToListAsync(ct);
        return (rows, total);
    }

    /// <summary>Recognition decisions in the caller's area, latest first, a page at a time.</summary>
    public static Task<Page<DecisionView>> ListAsync(AppDbContext db, UserScope scope, ListPage page, CancellationToken ct) =>
        Paging.NewestFirstAsync(db.RecognitionDecisions.AsNoTracking().WithinPaths(scope.ReadPaths, d => d.ScopePath), d => d.Date, page, q => q.Summaries(), d => d.Id, ct);

    // The register page and the API list show decisions the same way, without their models (ViewAsync adds those).
    private static IQueryable<DecisionView> Summaries(this IQueryable<RecognitionDecision> decisions) =>
        decisions.Select(d => new DecisionView(d.Id, d.Number, d.Date, d.Level, d.IssuingBody, d.Signer, d.ScopePath == "/" || d.Unit == null ? null : d.Unit.Code,
            d.ScopePath == "/" || d.Unit == null ? "Toàn quốc" : d.Unit.FullName, d.AppraisalId, new List<RecognizedRow>()));
}
