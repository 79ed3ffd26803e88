using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Initiatives;

/// <summary>What a form or an API body sends to register or edit an initiative.</summary>
public sealed class InitiativeInput
{
    [Display(Name = "Mã")]
    [StringLength(50, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Code { get; set; }

    [Display(Name = "Tên mô hình")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(300, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Name { get; set; }

    [Display(Name = "Lĩnh vực")]
    [Required(ErrorMessage = "Vui lòng chọn {0}.")]
    public Field? Field { get; set; }

    [Display(Name = "Loại")]
    [Required(ErrorMessage = "Vui lòng chọn {0}.")]
    public InitiativeKind? Kind { get; set; }

    [Display(Name = "Nguồn gốc")]
    public Origin Origin { get; set; } = Origin.New;

    [Display(Name = "Nhân rộng từ mô hình")]
    public int? ReplicatedFromId { get; set; }

    [Display(Name = "Nguồn nhân rộng (nơi khác)")]
    [StringLength(500, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? OriginNote { get; set; }

    [Display(Name = "Tổ chức chủ thể")]
    public int? OwnerOrganizationId { get; set; }

    /// <summary>Which block builds it; empty = from the organisation's kind or the owner's name.</summary>
    [Display(Name = "Khối, lĩnh vực của chủ thể")]
    public OwnerType? OwnerType { get; set; }

    /// <summary>Whom it serves; null (not sent) keeps what the model had.</summary>
    [Display(Name = "Đối tượng hướng tới")]
    public List<TargetGroups>? TargetGroups { get; set; }

    [Display(Name = "Chủ thể (cá nhân)")]
    [StringLength(200, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? OwnerName { get; set; }

    [Display(Name = "Đơn vị hành chính")]
    [Required(ErrorMessage = "Vui lòng chọn {0}.")]
    [StringLength(10)]
    public string? UnitCode { get; set; }

    /// <summary>2024 or 2025; by default the map in force on the registration date.</summary>
    [Display(Name = "Bản đồ")]
    public int? UnitMap { get; set; }

    [Display(Name = "Ngày đăng ký")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    public DateOnly? RegisteredOn { get; set; }

    [Display(Name = "Tóm tắt")]
    [StringLength(4000, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Summary { get; set; }

    [Display(Name = "Mục tiêu")]
    [StringLength(4000, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Goals { get; set; }

    [Display(Name = "Cách làm")]
    [StringLength(4000, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Method { get; set; }

    /// <summary>The registration round (đợt đăng ký) it is registered into, if any.</summary>
    [Display(Name = "Đợt đăng ký")]
    public int? CampaignId { get; set; }

    /// <summary>Keeps a recognised model off the public site.</summary>
    [Display(Name = "Không công khai")]
    public bool HiddenFromPublic { get; set; }

    /// <summary>For an individual: the day they agreed to have their name published.</summary>
    [Display(Name = "Ngày cá nhân đồng ý công khai tên")]
    public DateOnly? OwnerConsentOn { get; set; }

    /// <summary>The version the editor saw; a different current version means someone else saved first.</summary>
    public int Version { get; set; }
}

/// <summary>
/// Registering and editing a model: the one command behind the form, the API and (row by row) the import. Lifecycle —
/// status, retirement, recognition — is not input: it changes through the review, recognition and results.
/// </summary>
public static class InitiativeCommands
{
    public static async Task<Initiative> CreateAsync(AppDbContext db, UserScope scope, InitiativeInput input, TimeProvider clock, CancellationToken ct)
    {
        if (!scope.CanAnywhere(Operation.Register))
        {
            throw new ScopeException(true);
        }

        var initiative = new Initiative { CreatedAt = clock.GetUtcNow(), CreatedBy = scope.UserName };
        await ApplyAsync(db, scope, initiative, input, ct);
        await JoinCampaignAsync(db, initiative, input.CampaignId, VietnamClock.Today(clock), ct);
        db.Initiatives.Add(initiative);
        await SaveAsync(db, ct);
        return initiative;
    }

    /// <summary>Edits under optimistic concurrency.</summary>
    public static async Task<Initiative> UpdateAsync(AppDbContext db, UserScope scope, int id, InitiativeInput input, CancellationToken ct)
    {
        var initiative = await Lookups.InitiativeAsync(db, scope, id, ct);
        scope.Demand(Operation.Edit, initiative.ScopePath);
        db.ExpectVersion(initiative, input.Version);

        await ApplyAsync(db, scope, initiative, input, ct);
        await SaveAsync(db, ct);
        return initiative;
    }

    private static async Task ApplyAsync(AppDbContext db, UserScope scope, Initiative i, InitiativeInput input, CancellationToken ct)
    {
        var registered = input.RegisteredOn!.Value;
        var map = input.UnitMap ?? Maps.InForceOn(registered);
        if (!Maps.IsKnown(map))
        {
            throw DomainException.For(nameof(InitiativeInput.UnitMap), "Bản đồ phải là 2024 hoặc 2025.");
        }

        var unit = await db.AdminUnits.FirstOrDefaultAsync(u => u.Map == map && u.Code == input.UnitCode, ct)
            ?? throw DomainException.For(nameof(InitiativeInput.UnitCode), $"Không có đơn vị mã {input.UnitCode} trên bản đồ {map}.");
        scope.Demand(Operation.Register, unit.CurrentPath);

        var current = map == Maps.Current
            ? unit
            : i.Id != 0 && i.UnitId == unit.Id
                ? await db.AdminUnits.FirstAsync(u => u.Id == i.CurrentUnitId, ct) // keep an officer's reassignment
                : await db.AdminUnits.FirstAsync(u => u.Map == Maps.Current && u.Path == unit.CurrentPath, ct);

        OrganizationKind? orgKind = null;
        string? orgName = null;
        if (input.OwnerOrganizationId is { } orgId)
        {
            var org = await db.Organizations.Where(o => o.Id == orgId).Select(o => new { o.ScopePath, o.Kind, o.Name }).FirstOrDefaultAsync(ct);
            orgKind = org?.Kind;
            orgName = org?.Name;
            if (org is null || !scope.CanRead(org.ScopePath))
            {
                throw DomainException.For(nameof(InitiativeInput.OwnerOrganizationId), "Không tìm thấy tổ chức chủ thể.");
            }
        }

        // A source must be one the caller may see (in their area, or public practice); a link already there stays.
        Initiative? source = null;
        if (input.Origin == Origin.Replicated && input.ReplicatedFromId is { } sourceId)
        {
            source = i.Id != 0 && sourceId == i.ReplicatedFromId
                ? await db.Initiatives.FirstAsync(x => x.Id == sourceId, ct)
                : await SourceAsync(db, scope, sourceId, ct)
                    ?? throw DomainException.For(nameof(InitiativeInput.ReplicatedFromId), "Không tìm thấy mô hình nguồn để nhân rộng.");
        }

        var code = string.IsNullOrWhiteSpace(input.Code) ? null : input.Code.Trim();
        if (code is not null && await db.Initiatives.AnyAsync(x => x.UnitId == unit.Id && x.Code == code && x.Id != i.Id, ct))
        {
            throw DomainException.For(nameof(InitiativeInput.Code), $"Mã {code} đã dùng cho mô hình khác của đơn vị này.");
        }

        i.Code = code;
        i.Name = input.Name ?? string.Empty;
        i.Field = input.Field!.Value;
        i.Kind = input.Kind!.Value;
        i.DeclareOrigin(input.Origin, source, Blank(input.OriginNote));
        i.OwnerOrganizationId = input.OwnerOrganizationId;
        i.OwnerName = Blank(input.OwnerName);
        i.Classify(input.OwnerType ?? (i.Id != 0 ? i.OwnerType : null), orgName, orgKind);
        if (input.TargetGroups is { } groups)
        {
            i.TargetGroups = groups.Aggregate(TargetGroups.None, (all, g) => all | g);
        }
        i.RegisteredOn = registered;
        i.Summary = Blank(input.Summary);
        i.Goals = Blank(input.Goals);
        i.Method = Blank(input.Method);
        i.HiddenFromPublic = input.HiddenFromPublic;
        i.OwnerConsentOn = input.Kind == InitiativeKind.Individual ? input.OwnerConsentOn : null;
        i.PlaceIn(unit, current);
        i.Validate();
    }

    /// <summary>A replication source the caller may name: one in their area, or a model shown on the public site.</summary>
    public static async Task<Initiative?> SourceAsync(AppDbContext db, UserScope scope, int id, CancellationToken ct) =>
        await db.Initiatives.FirstOrDefaultAsync(s => s.Id == id, ct) is { } s && (s.IsPublic || scope.CanRead(s.ScopePath)) ? s : null;

    /// <summary>A registration into a round must fall within its dates and its area.</summary>
    private static async Task JoinCampaignAsync(AppDbContext db, Initiative initiative, int? campaignId, DateOnly today, CancellationToken ct)
    {
        if (campaignId is null)
        {
            return;
        }

        var campaign = await db.Campaigns.Include(c => c.Unit).FirstOrDefaultAsync(c => c.Id == campaignId, ct)
            ?? throw DomainException.For(nameof(InitiativeInput.CampaignId), "Không tìm thấy đợt đăng ký.");
        try
        {
            campaign.EnsureCanRegister(today, initiative.ScopePath);
        }
        catch (DomainException e) when (e.Field is null)
        {
            // The round's refusal (closed, another area) belongs beside the round's field on the form.
            throw DomainException.For(nameof(InitiativeInput.CampaignId), e.Message);
        }

        initiative.CampaignId = campaign.Id;
    }

    private static async Task SaveAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // A unique index lost a race with another save of the same code.
            throw DomainException.For(nameof(InitiativeInput.Code), "Mã mô hình đã được dùng; hãy chọn mã khác.");
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static InitiativeInput ToInput(InitiativeDetail d) => new()
    {
        Code = d.Code, Name = d.Name, Field = d.Field, Kind = d.Kind, Origin = d.Origin, ReplicatedFromId = d.ReplicatedFromId,
        OriginNote = d.OriginNote, OwnerOrganizationId = d.OwnerOrganizationId, OwnerName = d.OwnerName, OwnerType = d.OwnerType, TargetGroups = [.. d.TargetGroups],
        UnitCode = d.UnitCode, UnitMap = d.UnitMap, RegisteredOn = d.RegisteredOn, Summary = d.Summary, Goals = d.Goals,
        Method = d.Method, Version = d.Version, CampaignId = d.CampaignId,
        HiddenFromPublic = d.HiddenFromPublic, OwnerConsentOn = d.OwnerConsentOn,
    };
}
