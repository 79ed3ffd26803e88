using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Initiatives;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Conferences;

public sealed class ConferenceInput
{
    [Display(Name = "Tên hội nghị")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(300, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Name { get; set; }

    [Display(Name = "Đơn vị tổ chức")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    public string? UnitCode { get; set; }

    [Display(Name = "Cấp")]
    [Required(ErrorMessage = "Vui lòng chọn {0}.")]
    public RecognitionLevel? Level { get; set; }

    [Display(Name = "Ngày tổ chức")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Giai đoạn")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [RegularExpression(@"^[0-9]{4}\s*[-–]\s*[0-9]{4}$|^[0-9]{4}$", ErrorMessage = "{0} ghi dạng 2021–2025 hoặc một năm.")]
    public string? Phase { get; set; }

    [Display(Name = "Chỉ tiêu khen tập thể")]
    [Range(0, 10000, ErrorMessage = "{0} phải từ {1} đến {2}.")]
    public int CollectiveQuota { get; set; }

    [Display(Name = "Chỉ tiêu khen cá nhân")]
    [Range(0, 10000, ErrorMessage = "{0} phải từ {1} đến {2}.")]
    public int IndividualQuota { get; set; }
}

public sealed class AwardInput
{
    [Required(ErrorMessage = "Vui lòng chọn mô hình.")]
    public int? InitiativeId { get; set; }

    [Required(ErrorMessage = "Vui lòng chọn tập thể hoặc cá nhân.")]
    public InitiativeKind? RecipientKind { get; set; }

    [Display(Name = "Tập thể, cá nhân được khen")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(300, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Recipient { get; set; }

    [Display(Name = "Hình thức khen thưởng")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(300, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Title { get; set; }
}

public sealed record AwardRow(int Id, int InitiativeId, string InitiativeName, string UnitName, InitiativeKind RecipientKind, string Recipient, string Title);

/// <param name="NominationId">A nomination received at the conference's level for this model: it comes first, its recipient proposed.</param>
public sealed record ShortlistRow(int InitiativeId, string Name, string UnitName, InitiativeKind Kind, RecognitionLevel Level, string? Owner, int? NominationId = null);

public sealed record ConferenceView(int Id, string Name, string UnitCode, string UnitName, string ScopePath, RecognitionLevel Level, DateOnly Date, string Phase,
    int CollectiveQuota, int IndividualQuota, IReadOnlyList<AwardRow> Awards);

public static class Conferences
{
    public static async Task<Conference> CreateAsync(AppDbContext db, UserScope scope, ConferenceInput input, CancellationToken ct)
    {
        var unit = await Lookups.CurrentUnitAsync(db, input.UnitCode, nameof(ConferenceInput.UnitCode), ct);
        scope.Demand(Operation.RunConference, unit.Path);
        var c = new Conference
        {
            Name = input.Name!.Trim(), UnitId = unit.Id, ScopePath = unit.Path, Level = input.Level!.Value, Date = input.Date!.Value,
            Phase = input.Phase!.Replace(" ", string.Empty, StringComparison.Ordinal).Replace('-', '–'),
            CollectiveQuota = input.CollectiveQuota, IndividualQuota = input.IndividualQuota,
        };
        db.Conferences.Add(c);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public static Task<List<ConferenceView>> ListAsync(AppDbContext db, UserScope scope, CancellationToken ct) =>
        db.Conferences.AsNoTracking().ReadableBy(scope, c => c.ScopePath).OrderByDescending(c => c.Date)
            .Select(c => new ConferenceView(c.Id, c.Name, c.Unit!.Code, c.Unit.FullName, c.ScopePath, c.Level, c.Date, c.Phase, c.CollectiveQuota, c.IndividualQuota,
                new List<AwardRow>())).ToListAsync(ct);

    public static async Task<ConferenceView?> ViewAsync(AppDbContext db, UserScope scope, int id, CancellationToken ct)
    {
        var c = await db.Conferences.AsNoTracking().ReadableBy(scope, x => x.ScopePath).Include(x => x.Unit).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }

        var awards = await db.Awards.AsNoTracking().Where(a => a.ConferenceId == id).OrderBy(a => a.RecipientKind).ThenBy(a => a.Id)
            .Select(a => new AwardRow(a.Id, a.InitiativeId, a.Initiative!.Name, a.Initiative.CurrentUnit!.FullName, a.RecipientKind, a.Recipient, a.Title)).ToListAsync(ct);
        return new ConferenceView(c.Id, c.Name, c.Unit!.Code, c.Unit.FullName, c.ScopePath, c.Level, c.Date, c.Phase, c.CollectiveQuota, c.IndividualQuota, awards);
    }

    /// <summary>
    /// The conference's shortlist: first the models whose nominations the conference's level has received (their
    /// recipient proposed), then the recognised, maintained models of its area; none already awarded there.
    /// </summary>
    public static async Task<List<ShortlistRow>> ShortlistAsync(AppDbContext db, UserScope scope, int id, CancellationToken ct)
    {
        var c = await db.Conferences.AsNoTracking().ReadableBy(scope, x => x.ScopePath).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new ScopeException(false);
        var awarded = db.Awards.Where(a => a.ConferenceId == id).Select(a => a.InitiativeId);
        var nominated = await db.Nominations.AsNoTracking()
            .Where(n => n.HolderPath == c.ScopePath && n.Status == NominationStatus.Received && n.InitiativeId != null && !awarded.Contains(n.InitiativeId!.Value))
            .OrderBy(n => n.Id).Take(300)
            .Select(n => new ShortlistRow(n.InitiativeId!.Value, n.Initiative!.Name, n.Initiative.CurrentUnit!.FullName,
                n.RecipientKind == RecipientKind.Individual ? InitiativeKind.Individual : InitiativeKind.Collective,
                n.Initiative.HighestLevel ?? RecognitionLevel.Commune, n.RecipientName, n.Id)).ToListAsync(ct);
        var recognised = await db.Initiatives.AsNoTracking().WithinPaths([c.ScopePath], i => i.ScopePath)
            .Where(i => i.HighestLevel != null && i.Status != InitiativeStatus.Retired && !awarded.Contains(i.Id))
            .OrderByDescending(i => i.HighestLevel).ThenBy(i => i.SortKey).Take(300)
            .Select(i => new ShortlistRow(i.Id, i.Name, i.CurrentUnit!.FullName, i.Kind, i.HighestLevel!.Value,
                i.OwnerOrganization != null ? i.OwnerOrganization.Name : i.OwnerName)).ToListAsync(ct);
        var seen = nominated.Select(n => n.InitiativeId).ToHashSet();
        return [.. nominated.DistinctBy(n => n.InitiativeId), .. recognised.Where(r => !seen.Contains(r.InitiativeId))];
    }

    public static async Task<Award> AwardAsync(AppDbContext db, UserScope scope, int id, AwardInput input, CancellationToken ct)
    {
        var c = await db.Conferences.Include(x => x.Awards).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new ScopeException(false);
        scope.Demand(Operation.RunConference, c.ScopePath);
        var initiative = await db.Initiatives.WithinPaths([c.ScopePath], i => i.ScopePath).FirstOrDefaultAsync(i => i.Id == input.InitiativeId, ct)
            ?? throw DomainException.For(nameof(AwardInput.InitiativeId), "Mô hình không thuộc phạm vi của hội nghị.");
        if (initiative.HighestLevel is null || initiative.Status == InitiativeStatus.Retired)
        {
            throw new DomainException($"Chỉ khen thưởng mô hình đã được công nhận và đang duy trì; \"{initiative.Name}\" chưa đủ điều kiện.");
        }

        var kind = input.RecipientKind!.Value;
        var quota = kind == InitiativeKind.Collective ? c.CollectiveQuota : c.IndividualQuota;
        var used = c.Awards.Count(a => a.RecipientKind == kind);
        if (used >= quota)
        {
            throw new DomainException($"Đã đủ chỉ tiêu khen thưởng {(kind == InitiativeKind.Collective ? "tập thể" : "cá nhân")} của hội nghị ({quota}).");
        }

        if (c.Awards.Any(a => a.InitiativeId == initiative.Id && a.RecipientKind == kind))
        {
            throw new DomainException("Mô hình này đã được khen thưởng tại hội nghị.");
        }

        var award = new Award { ConferenceId = c.Id, InitiativeId = initiative.Id, RecipientKind = kind, Recipient = input.Recipient!.Trim(), Title = input.Title!.Trim() };
        c.Awards.Add(award);
        c.Version++;
        db.Audit("awarded", nameof(Conference), c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { initiative = initiative.Id, award.Recipient, award.Title });
        await db.SaveChangesAsync(ct);
        return award;
    }
}
