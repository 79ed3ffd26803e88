using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Campaigns;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Inspections;

public sealed class InspectionInput
{
    [Display(Name = "Đơn vị được kiểm tra")]
    [Required(ErrorMessage = "Vui lòng chọn {0}.")]
    [StringLength(10)]
    public string? UnitCode { get; set; }

    [Display(Name = "Số hiệu mô hình (nếu kiểm tra một mô hình)")]
    public int? InitiativeId { get; set; }

    [Display(Name = "Ngày dự kiến")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    public DateOnly? PlannedOn { get; set; }

    [Display(Name = "Đoàn kiểm tra")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(500, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Inspectors { get; set; }

    [Display(Name = "Nội dung")]
    [StringLength(1000, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Purpose { get; set; }
}

public sealed class TaskInput
{
    [StringLength(1000)]
    [CleanText]
    public string? Text { get; set; }

    public DateOnly? DueOn { get; set; }
}

public sealed class VisitInput
{
    [Display(Name = "Ngày kiểm tra")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    public DateOnly? VisitedOn { get; set; }

    [Display(Name = "Kết quả kiểm tra")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(8000, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Findings { get; set; }

    [Display(Name = "Đánh giá")]
    [Required(ErrorMessage = "Vui lòng chọn {0}.")]
    public InspectionRating? Rating { get; set; }

    [Display(Name = "Việc đơn vị phải làm")]
    [MaxLength(50)]
    public List<TaskInput> Tasks { get; set; } = [];
}

public sealed record InspectionTaskView(int Id, string Text, DateOnly DueOn, DateOnly? DoneOn, string? DoneNote, bool Overdue);

public sealed record InspectionView(int Id, string UnitCode, string UnitName, int? InitiativeId, string? InitiativeName, DateOnly PlannedOn, string Inspectors, string? Purpose,
    DateOnly? VisitedOn, string? Findings, string? Rating, int Version, IReadOnlyList<InspectionTaskView> Tasks, IReadOnlyList<int>? PhotoIds = null);

/// <summary>
/// Inspections and supervision (kiểm tra, giám sát): a committee plans a visit to a unit or one of its models, records
/// what it found and how it rates it, and sets the unit follow-up tasks with deadlines; overdue tasks are listed.
/// Planning and recording need the right to run rounds over the unit; the unit marks its own tasks done.
/// </summary>
public static class Inspections
{
    public static string RatingLabel(InspectionRating r) => r switch
    {
        InspectionRating.Good => "Tốt",
        InspectionRating.Fair => "Khá",
        InspectionRating.Average => "Trung bình",
        _ => "Yếu",
    };

    public static async Task<Inspection> PlanAsync(AppDbContext db, UserScope scope, InspectionInput input, TimeProvider clock, CancellationToken ct)
    {
        var unit = await db.AdminUnits.FirstOrDefaultAsync(u => u.Map == Maps.Current && u.Code == input.UnitCode, ct)
            ?? throw DomainException.For(nameof(InspectionInput.UnitCode), "Không tìm thấy đơn vị (bản đồ 2025).");
        scope.Demand(Operation.Inspect, unit.Path);
        if (input.InitiativeId is { } id && !await db.Initiatives.AnyAsync(i => i.Id == id && i.ScopePath == unit.Path, ct))
        {
            throw DomainException.For(nameof(InspectionInput.InitiativeId), "Mô hình không thuộc đơn vị được kiểm tra.");
        }

        var i = Inspection.Plan(unit, input.InitiativeId, input.PlannedOn!.Value, input.Inspectors ?? string.Empty, input.Purpose, scope.UserName);
        db.Inspections.Add(i);
        await Notifier.NotifyOfficersAsync(db, unit.Path, $"Đơn vị có lịch kiểm tra ngày {Cultures.Date(i.PlannedOn)} ({i.Inspectors}).", "/Inspections", clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return i;
    }

    public static async Task<Inspection> RecordVisitAsync(AppDbContext db, UserScope scope, int id, VisitInput input, TimeProvider clock, CancellationToken ct)
    {
        var i = await FindAsync(db, scope, id, ct);
        scope.Demand(Operation.Inspect, i.ScopePath);
        var today = CampaignsApi.Today(clock);
        i.RecordVisit(input.VisitedOn!.Value, input.Findings ?? string.Empty, input.Rating!.Value, today,
            (input.Tasks ?? []).Where(t => t is not null).Select(t => (t.Text ?? string.Empty, t.DueOn)));

        await Notifier.NotifyOfficersAsync(db, i.ScopePath, $"Kết quả kiểm tra ngày {Cultures.Date(i.VisitedOn!.Value)}: {RatingLabel(i.Rating!.Value)}; {i.Tasks.Count} việc cần làm.",
            "/Inspections", clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return i;
    }

    /// <summary>A photo of the visit, by those who record it; pictures only, read by content.</summary>
    public static async Task<InspectionPhoto> AddPhotoAsync(AppDbContext db, UserScope scope, EvidenceStore store, int id, IFormFile file, TimeProvider clock, CancellationToken ct)
    {
        var i = await FindAsync(db, scope, id, ct);
        scope.Demand(Operation.Inspect, i.ScopePath);
        var stored = await store.SaveAsync(file, scope.UserName, clock.GetUtcNow(), db, ct);
        if (!EvidenceStore.IsImage(stored.Kind))
        {
            store.Discard(stored, db);
            throw DomainException.For("File", "Ảnh kiểm tra phải là tệp JPG, PNG, WEBP hoặc GIF.");
        }

        var photo = new InspectionPhoto
        {
            InspectionId = i.Id, FileName = stored.FileName, FileKind = stored.Kind, Size = stored.Size, StorageName = stored.StorageName, Sha256 = stored.Sha256,
            UploadedAt = stored.UploadedAt, UploadedBy = scope.UserName,
        };
        db.InspectionPhotos.Add(photo);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            store.Discard(stored, db);
            throw;
        }

        return photo;
    }

    /// <summary>A visit's photo for those who may read the inspection.</summary>
    public static async Task<InspectionPhoto?> PhotoAsync(AppDbContext db, UserScope scope, int id, int photoId, CancellationToken ct) =>
        await db.Inspections.AsNoTracking().ReadableBy(scope, x => x.ScopePath).AnyAsync(x => x.Id == id, ct)
            ? await db.InspectionPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.InspectionId == id, ct)
            : null;

    /// <summary>The inspected unit says a follow-up is done.</summary>
    public static async Task CompleteTaskAsync(AppDbContext db, UserScope scope, int id, int taskId, string? note, TimeProvider clock, CancellationToken ct)
    {
        var i = await FindAsync(db, scope, id, ct);
        scope.Demand(Operation.CloseFollowUp, i.ScopePath);
        var task = i.Tasks.FirstOrDefault(t => t.Id == taskId) ?? throw new ScopeException(false);
        task.Complete(CampaignsApi.Today(clock), note);
        db.Audit("inspection-task-done", nameof(Inspection), i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { task.Text, task.DoneNote });
        await db.SaveChangesAsync(ct);
    }

    private static async Task<Inspection> FindAsync(AppDbContext db, UserScope scope, int id, CancellationToken ct)
    {
        var i = await db.Inspections.Include(x => x.Tasks).FirstOrDefaultAsync(x => x.Id == id, ct);
        return i is not null && scope.CanRead(i.ScopePath) ? i : throw new ScopeException(false);
    }

    /// <summary>One inspection the caller may read, or null.</summary>
    public static async Task<InspectionView?> ViewAsync(AppDbContext db, UserScope scope, int id, TimeProvider clock, CancellationToken ct) =>
        (await ListAsync(db, scope, null, ListPage.First(1), clock, ct, id)).Items.SingleOrDefault();

    /// <summary>Inspections in the caller's area (or of one model), newest planned first, a page at a time.</summary>
    public static async Task<Page<InspectionView>> ListAsync(AppDbContext db, UserScope scope, int? initiativeId, ListPage page, TimeProvider clock, CancellationToken ct, int? id = null)
    {
        var q = db.Inspections.AsNoTracking().ReadableBy(scope, x => x.ScopePath);
        if (initiativeId is { } m)
        {
            q = q.Where(x => x.InitiativeId == m);
        }

        if (id is { } one)
        {
            q = q.Where(x => x.Id == one);
        }

        var today = CampaignsApi.Today(clock);
        var rows = await Paging.NewestFirstAsync(q.Include(x => x.Tasks).Include(x => x.Photos).Include(x => x.Unit).Include(x => x.Initiative), x => x.PlannedOn, page, ct);
        return rows.Select(x => new InspectionView(x.Id, x.Unit!.Code, x.Unit.FullName, x.InitiativeId, x.Initiative?.Name, x.PlannedOn, x.Inspectors, x.Purpose, x.VisitedOn,
            x.Findings, x.Rating is { } r ? EnumKeys.Key(r) : null, x.Version,
            x.Tasks.OrderBy(t => t.DueOn).Select(t => new InspectionTaskView(t.Id, t.Text, t.DueOn, t.DoneOn, t.DoneNote, t.DoneOn is null && t.DueOn < today)).ToList(),
            x.Photos.OrderBy(p => p.Id).Select(p => p.Id).ToList()));
    }
}
