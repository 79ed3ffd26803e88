using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Notifications;

public sealed record NotificationView(long Id, string Text, string? Link, DateTimeOffset CreatedAt, bool Read);

public sealed record DueRow(int InitiativeId, string Name, string UnitName, DateOnly? LastPeriod);

public static class Notifications
{
    /// <summary>The caller's notifications, newest first, a page at a time.</summary>
    public static Task<Page<NotificationView>> MineAsync(AppDbContext db, UserScope scope, ListPage page, CancellationToken ct) =>
        Paging.NewestFirstAsync(db.Notifications.AsNoTracking().Where(n => n.UserId == scope.UserId), null, page,
            rows => rows.Select(n => new NotificationView(n.Id, n.Text, n.Link, n.CreatedAt, n.ReadAt != null)), n => n.Id, ct);

    public static Task<int> UnreadAsync(AppDbContext db, UserScope scope, CancellationToken ct) =>
        scope.UserId is null ? Task.FromResult(0) : db.Notifications.CountAsync(n => n.UserId == scope.UserId && n.ReadAt == null, ct);

    public static Task<int> MarkReadAsync(AppDbContext db, UserScope scope, long? id, DateTimeOffset now, CancellationToken ct) =>
        db.Notifications.Where(n => n.UserId == scope.UserId && n.ReadAt == null && (id == null || n.Id == id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);

    /// <summary>Maintained initiatives in the caller's area with no result report for the last full quarter.</summary>
    public static async Task<List<DueRow>> DueReportsAsync(AppDbContext db, UserScope scope, DateOnly today, CancellationToken ct)
    {
        var lastQuarter = ResultReport.StartOf(PeriodKind.Quarter, today).AddMonths(-3);
        return await db.Initiatives.AsNoTracking().PermittedFor(scope, Operation.ReportResults, i => i.ScopePath)
            .Where(i => i.Status != InitiativeStatus.Retired && i.RegisteredOn < lastQuarter.AddMonths(3))
            .Where(i => !db.ResultReports.Any(r => r.InitiativeId == i.Id && r.PeriodStart >= lastQuarter))
            .OrderBy(i => i.SortKey).Take(50)
            .Select(i => new DueRow(i.Id, i.Name, i.CurrentUnit!.FullName, db.ResultReports.Where(r => r.InitiativeId == i.Id).Max(r => (DateOnly?)r.PeriodStart)))
            .ToListAsync(ct);
    }
}
