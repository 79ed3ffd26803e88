using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Campaigns;
using DanVan.Features.Results;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Nominations;

public sealed class NominationInput
{
    [Display(Name = "Đơn vị đề nghị")]
    [Required(ErrorMessage = "Vui lòng chọn {0}.")]
    [StringLength(10)]
    public string? UnitCode { get; set; }

    [Display(Name = "Đề nghị khen cho")]
    [Required(ErrorMessage = "Vui lòng chọn {0}.")]
    public RecipientKind? RecipientKind { get; set; }

    [Display(Name = "Tên tập thể, cá nhân")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(300, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? RecipientName { get; set; }

    [Display(Name = "Mô hình gắn với đề nghị")]
    public int? InitiativeId { get; set; }

    [Display(Name = "Hình thức khen thưởng đề nghị")]
    [Required(ErrorMessage = "Vui lòng chọn {0}.")]
    [StringLength(40)]
    public string? FormCode { get; set; }

    /// <summary>The round it is sent in (optional): its deadline and quota apply.</summary>
    [Display(Name = "Đợt xét khen thưởng")]
    public int? RoundId { get; set; }

    [Display(Name = "Thành tích")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(8000, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Achievements { get; set; }

    public int Version { get; set; }
}

public sealed record NominationStepView(DateTimeOffset At, string? By, string Action, string? Note);

public sealed record AttachmentView(int Id, string Kind, string FileName, long Size, DateTimeOffset UploadedAt);

/// <param name="Actions">What the caller may do with it now: edit, submit, receive, return, forward.</param>
public sealed record NominationView(int Id, string UnitCode, string UnitName, RecipientKind RecipientKind, string RecipientName, int? InitiativeId,
    string? InitiativeName, string FormCode, string FormName, string Achievements, string Status, string HolderName, DateTimeOffset StatusSince, int DaysInStatus,
    string? ReturnReason, int? AwardDecisionId, int Version, IReadOnlyList<NominationStepView> Steps, IReadOnlyList<string> Actions,
    IReadOnlyList<AttachmentView>? Attachments = null, int? RoundId = null, string? RoundName = null);

/// <summary>
/// Nominations for commendation going up the levels: a unit prepares one and submits it to the level above, which
/// receives it, returns it with a reason (the unit fixes it and submits again) or forwards it; a decision of the level
/// that holds it commends it. Every way in (pages, API) calls these commands and their permission checks.
/// </summary>
public static class Nominations
{
    public static string StatusLabel(NominationStatus s) => s switch
    {
        NominationStatus.Draft => "Đang soạn",
        NominationStatus.Submitted => "Đã gửi, chờ tiếp nhận",
        NominationStatus.Returned => "Bị trả lại",
        NominationStatus.Received => "Đã tiếp nhận",
        NominationStatus.Awarded => "Đã có quyết định khen thưởng",
    };

    public static string ActionLabel(string action) => action switch
    {
        "created" => "Lập hồ sơ",
        "submitted" => "Gửi lên cấp trên",
        "received" => "Tiếp nhận",
        "returned" => "Trả lại",
        "forwarded" => "Trình lên cấp trên",
        "awarded" => "Quyết định khen thưởng",
        _ => action,
    };

    public static async Task<Nomination> CreateAsync(AppDbContext db, UserScope scope, NominationInput input, TimeProvider clock, CancellationToken ct)
    {
        var (unit, form) = await CheckAsync(db, scope, input, ct);
        var n = Nomination.Open(unit, form, input.RecipientKind!.Value, input.RecipientName ?? string.Empty, input.InitiativeId, input.RoundId,
            input.Achievements ?? string.Empty, clock.GetUtcNow(), scope.UserName);
        db.Nominations.Add(n);
        await db.SaveChangesAsync(ct);
        return n;
    }

    public static async Task<Nomination> UpdateAsync(AppDbContext db, UserScope scope, int id, NominationInput input, CancellationToken ct)
    {
        var n = await FindAsync(db, scope, id, ct);
        scope.Demand(Operation.Register, n.ScopePath);
        db.ExpectVersion(n, input.Version);
        var (unit, form) = await CheckAsync(db, scope, input, ct);
        n.Describe(unit, form, input.RecipientKind!.Value, input.RecipientName ?? string.Empty, input.InitiativeId, input.RoundId, input.Achievements ?? string.Empty);
        await db.SaveChangesAsync(ct);
        return n;
    }

    /// <summary>What a nomination names, as the caller may name it: a unit they may register for, its form, its own model and round.</summary>
    private static async Task<(AdminUnit Unit, AwardForm Form)> CheckAsync(AppDbContext db, UserScope scope, NominationInput input, CancellationToken ct)
    {
        var unit = await db.AdminUnits.FirstOrDefaultAsync(u => u.Map == Maps.Current && u.Code == input.UnitCode, ct)
            ?? throw DomainException.For(nameof(NominationInput.UnitCode), "Không tìm thấy đơn vị (bản đồ 2025).");
        scope.Demand(Operation.Register, unit.Path);
        var form = await FormsAsync(db, unit.Path).FirstOrDefaultAsync(f => f.Code == input.FormCode, ct)
            ?? throw DomainException.For(nameof(NominationInput.FormCode), "Không có hình thức khen thưởng này.");
        if (input.InitiativeId is { } initiativeId
            && !await db.Initiatives.WithinPaths([unit.Path], i => i.ScopePath).AnyAsync(i => i.Id == initiativeId, ct))
        {
            throw DomainException.For(nameof(NominationInput.InitiativeId), "Mô hình không thuộc đơn vị đề nghị.");
        }

        if (input.RoundId is { } roundId)
        {
            var round = await db.NominationRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
            if (round is null || !UnitPaths.Contains(round.ScopePath, unit.Path))
            {
                throw DomainException.For(nameof(NominationInput.RoundId), "Đợt xét khen thưởng không áp dụng cho đơn vị này.");
            }
        }

        return (unit, form);
    }

    public static string AttachmentLabel(AttachmentKind k) => k switch
    {
        AttachmentKind.CoverLetter => "Tờ trình",
        AttachmentKind.AchievementReport => "Báo cáo thành tích",
        AttachmentKind.Minutes => "Biên bản họp bình xét",
        _ => "Tài liệu khác",
    };

    /// <summary>A file of the nomination, added by its unit while the nomination is with it (a draft, or returned to be fixed).</summary>
    public static async Task<NominationAttachment> AttachAsync(AppDbContext db, UserScope scope, EvidenceStore store, int id, AttachmentKind kind, IFormFile file,
        TimeProvider clock, CancellationToken ct)
    {
        var n = await FindAsync(db, scope, id, ct);
        scope.Demand(Operation.Register, n.ScopePath);
        if (!n.IsWithUnit)
        {
            throw new DomainException("Hồ sơ đang ở cấp trên; chỉ thêm tài liệu khi đang soạn hoặc bị trả lại.");
        }

        var stored = await store.SaveAsync(file, scope.UserName, clock.GetUtcNow(), db, ct);
        var a = new NominationAttachment
        {
            NominationId = n.Id, Kind = kind, FileName = stored.FileName, FileKind = stored.Kind, Size = stored.Size, StorageName = stored.StorageName, Sha256 = stored.Sha256,
            UploadedAt = stored.UploadedAt, UploadedBy = scope.UserName,
        };
        db.NominationAttachments.Add(a);
        db.Audit("attachment-added", nameof(Nomination), n.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { a.FileName, a.Kind, a.Size });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            store.Discard(stored, db);
            throw;
        }

        return a;
    }

    /// <summary>A nomination's file, for those who may read the nomination (its unit and the levels above).</summary>
    public static async Task<NominationAttachment?> AttachmentAsync(AppDbContext db, UserScope scope, int id, int attachmentId, CancellationToken ct) =>
        await db.Nominations.AsNoTracking().ReadableBy(scope, x => x.ScopePath).AnyAsync(x => x.Id == id, ct)
            ? await db.NominationAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.NominationId == id, ct)
            : null;

    /// <summary>
    /// The achievements drafted from a model's record, for the officer to edit: since when it runs, its recognitions
    /// (level, decision, date) and its latest reported results in its own words.
    /// </summary>
    public static async Task<string?> DraftAchievementsAsync(AppDbContext db, UserScope scope, int initiativeId, CancellationToken ct)
    {
        var model = await db.Initiatives.AsNoTracking().ReadableBy(scope, i => i.ScopePath).FirstOrDefaultAsync(i => i.Id == initiativeId, ct);
        if (model is null)
        {
            return null;
        }

        var lines = new List<string> { $"Xây dựng và duy trì mô hình \"{model.Name}\" từ ngày {Cultures.Date(model.RegisteredOn)}." };
        var recognitions = await db.Recognitions.AsNoTracking().Where(r => r.InitiativeId == initiativeId).OrderBy(r => r.Date)
            .Select(r => new { r.Level, r.Date, r.Decision!.Number, r.Decision.IssuingBody }).ToListAsync(ct);
        lines.AddRange(recognitions.Select(r =>
            $"Được công nhận mô hình \"Dân vận khéo\" {Recognition.Recognitions.LevelLabel(r.Level).ToLower(Cultures.Vietnamese)} (Quyết định số {r.Number} ngày {Cultures.Date(r.Date)} của {r.IssuingBody})."));
        var results = await db.ResultReports.AsNoTracking().Where(r => r.InitiativeId == initiativeId && r.Narrative != null).OrderByDescending(r => r.PeriodStart).Take(3)
            .Select(r => new { r.PeriodKind, r.PeriodStart, r.Narrative }).ToListAsync(ct);
        lines.AddRange(results.Select(r => $"{ResultReport.LabelOf(r.PeriodKind, r.PeriodStart)}: {r.Narrative}"));
        return string.Join("\n", lines);
    }

    /// <summary>The award forms a unit may ask for or give: the country's and its province's.</summary>
    public static IQueryable<AwardForm> FormsAsync(AppDbContext db, string path) =>
        db.AwardForms.Where(f => f.ScopePath == "/" || f.ScopePath == UnitPaths.Province(path));

    /// <summary>The level above a unit that receives its nominations: the province for a commune, the country for a province.</summary>
    public static (string Path, RecognitionLevel Level) Above(string path) =>
        path.Trim('/').Contains('/', StringComparison.Ordinal) ? (UnitPaths.Province(path), RecognitionLevel.Province) : ("/", RecognitionLevel.National);

    public static async Task<Nomination> SubmitAsync(AppDbContext db, UserScope scope, int id, int version, TimeProvider clock, CancellationToken ct)
    {
        var n = await FindAsync(db, scope, id, ct);
        scope.Demand(Operation.Register, n.ScopePath);
        db.ExpectVersion(n, version);
        var (path, level) = Above(n.ScopePath);
        // The round's quota is counted and the nomination sent in one transaction that holds the round for this unit,
        // so two sends at once cannot both take its last place.
        await using var tx = n.RoundId is null ? null : await db.Database.BeginTransactionAsync(ct);
        await NominationRounds.CheckSubmitAsync(db, n, CampaignsApi.Today(clock), ct);
        n.Submit(path, level, clock.GetUtcNow(), scope.UserName);
        Notifier.Notify(db, await Notifier.UsersCoveringAsync(db, path, [Role.Secretariat], ct),
            $"Hồ sơ đề nghị khen thưởng \"{n.RecipientName}\" vừa được gửi lên, chờ tiếp nhận.", $"/Nominations/Detail/{n.Id}", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        return n;
    }

    /// <summary>receive, return (with a reason) or forward, by the level that holds it.</summary>
    public static async Task<Nomination> ActAsync(AppDbContext db, UserScope scope, int id, string action, string? reason, int version, TimeProvider clock, CancellationToken ct)
    {
        var n = await FindAsync(db, scope, id, ct);
        if (n.HolderLevel is not { } level || n.IsWithUnit)
        {
            throw new DomainException("Hồ sơ đang ở đơn vị đề nghị, chưa gửi lên cấp trên.");
        }

        // The nomination is readable here (or FindAsync said 404): not being its holder is a 403.
        if (!scope.Can(Permissions.RecognizeAt(level), n.HolderPath))
        {
            throw new ScopeException(true);
        }

        db.ExpectVersion(n, version);
        var now = clock.GetUtcNow();
        switch (action)
        {
            case "receive":
                n.Receive(now, scope.UserName);
                break;
            case "return":
                n.Return(reason ?? string.Empty, now, scope.UserName);
                await Notifier.NotifyOfficersAsync(db, n.ScopePath, $"Hồ sơ đề nghị khen thưởng \"{n.RecipientName}\" bị trả lại: {n.ReturnReason}", $"/Nominations/Detail/{n.Id}", now, ct);
                break;
            case "forward":
                var (path, up) = Above(n.HolderPath);
                if (path == n.HolderPath)
                {
                    throw new DomainException("Hồ sơ đã ở cấp cao nhất.");
                }

                n.Forward(path, up, now, scope.UserName);
                Notifier.Notify(db, await Notifier.UsersCoveringAsync(db, path, [Role.Secretariat], ct),
                    $"Hồ sơ đề nghị khen thưởng \"{n.RecipientName}\" được trình lên, chờ tiếp nhận.", $"/Nominations/Detail/{n.Id}", now);
                break;
            default:
                throw DomainException.For("action", "Thao tác phải là receive, return hoặc forward.");
        }

        await db.SaveChangesAsync(ct);
        return n;
    }

    private static async Task<Nomination> FindAsync(AppDbContext db, UserScope scope, int id, CancellationToken ct)
    {
        var n = await db.Nominations.Include(x => x.Steps).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new ScopeException(false);
        if (!scope.CanRead(n.ScopePath))
        {
            throw new ScopeException(false);
        }

        return n;
    }

    public static async Task<NominationView?> ViewAsync(AppDbContext db, UserScope scope, int id, TimeProvider clock, CancellationToken ct)
    {
        var n = await db.Nominations.AsNoTracking().ReadableBy(scope, x => x.ScopePath).Include(x => x.Steps).Include(x => x.Attachments).Include(x => x.Round).Include(x => x.Unit).Include(x => x.Form).Include(x => x.Initiative)
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        return n is null ? null : ViewOf(scope, n, await HolderNamesAsync(db, [n.HolderPath], ct), clock);
    }

    /// <summary>The names of the units holding nominations, read once for a whole list.</summary>
    private static async Task<Dictionary<string, string>> HolderNamesAsync(AppDbContext db, IEnumerable<string> paths, CancellationToken ct)
    {
        var wanted = paths.Distinct().ToList();
        var names = await db.AdminUnits.AsNoTracking().Where(u => u.Map == Maps.Current && wanted.Contains(u.Path)).Select(u => new { u.Path, u.FullName }).ToListAsync(ct);
        var byPath = names.ToDictionary(u => u.Path, u => u.FullName, StringComparer.Ordinal);
        byPath["/"] = "Trung ương";
        return byPath;
    }

    private static NominationView ViewOf(UserScope scope, Nomination n, IReadOnlyDictionary<string, string> holders, TimeProvider clock)
    {
        var holder = holders.GetValueOrDefault(n.HolderPath) ?? n.HolderPath;
        var actions = new List<string>();
        if (n.IsWithUnit && scope.Can(Operation.Register, n.ScopePath))
        {
            actions.AddRange(["edit", "submit"]);
        }

        if (n.HolderLevel is { } level && !n.IsWithUnit && n.Status != NominationStatus.Awarded && scope.Can(Permissions.RecognizeAt(level), n.HolderPath))
        {
            actions.AddRange(n.Status == NominationStatus.Submitted ? ["receive", "return"] : ["return", "forward", "decide"]);
            if (n.HolderPath == "/")
            {
                actions.Remove("forward");
            }
        }

        var today = CampaignsApi.Today(clock);
        return new NominationView(n.Id, n.Unit!.Code, n.Unit.FullName, n.RecipientKind, n.RecipientName, n.InitiativeId, n.Initiative?.Name, n.Form!.Code, n.Form.Name,
            n.Achievements, EnumKeys.Key(n.Status), holder, n.StatusSince, today.DayNumber - DateOnly.FromDateTime(n.StatusSince.UtcDateTime).DayNumber, n.ReturnReason,
            n.AwardDecisionId, n.Version, n.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new NominationStepView(s.At, s.By, s.Action, s.Note)).ToList(), actions,
            n.Attachments.OrderBy(a => a.Kind).ThenBy(a => a.Id).Select(a => new AttachmentView(a.Id, EnumKeys.Key(a.Kind), a.FileName, a.Size, a.UploadedAt)).ToList(),
            n.RoundId, n.Round?.Name);
    }

    /// <summary>The caller's nominations — those of their units, and those their level holds — newest first, a page at a time.</summary>
    public static async Task<Page<NominationView>> ListAsync(AppDbContext db, UserScope scope, NominationStatus? status, ListPage page, TimeProvider clock, CancellationToken ct)
    {
        var q = db.Nominations.AsNoTracking().ReadableBy(scope, x => x.ScopePath);
        if (status is { } s)
        {
            q = q.Where(x => x.Status == s);
        }

        var rows = await Paging.NewestFirstAsync(
            q.Include(x => x.Steps).Include(x => x.Attachments).Include(x => x.Round).Include(x => x.Unit).Include(x => x.Form).Include(x => x.Initiative), null, page, ct);
        var holders = await HolderNamesAsync(db, rows.Items.Select(n => n.HolderPath), ct);
        return rows.Select(n => ViewOf(scope, n, holders, clock));
    }

    /// <summary>A desk's order: still open before awarded, longest waiting first (SQLite cannot order by a DateTimeOffset, so here).</summary>
    public static List<NominationView> DeskOrder(IEnumerable<NominationView> views) =>
        [.. views.OrderBy(v => v.Status == EnumKeys.Key(NominationStatus.Awarded)).ThenByDescending(v => v.DaysInStatus).ThenByDescending(v => v.Id)];
}
