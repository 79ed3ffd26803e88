using DanVan.Data;
using DanVan.Features.Campaigns;
using DanVan.Infrastructure;

namespace DanVan.Features.Notifications;

/// <summary>A page of the caller's notifications (newest first, paged as every list), and the models whose report for the last quarter is due.</summary>
public sealed record NotificationsAnswer(IReadOnlyList<NotificationView> Items, int Total, bool TotalCapped, string? Next, IReadOnlyList<DueRow> DueReports);

/// <summary>How many notifications were marked read.</summary>
public sealed record MarkedRead(int Marked);

public static class NotificationsApi
{
    public static void MapNotificationsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/notifications").WithTags("Notifications");
        g.MapGet("/", async (AppDbContext db, ScopeAccessor s, TimeProvider clock, int? limit, string? after, CancellationToken ct) =>
        {
            var scope = await s.GetAsync(ct);
            var page = await Notifications.MineAsync(db, scope, ListPage.From(limit, after), ct);
            return TypedResults.Ok(new NotificationsAnswer(page.Items, page.Total, page.TotalCapped, page.Next,
                await Notifications.DueReportsAsync(db, scope, CampaignsApi.Today(clock), ct)));
        });
        g.MapPost("/read", async (AppDbContext db, ScopeAccessor s, TimeProvider clock, long? id, CancellationToken ct) =>
            TypedResults.Ok(new MarkedRead(await Notifications.MarkReadAsync(db, await s.GetAsync(ct), id, clock.GetUtcNow(), ct))));
    }
}
