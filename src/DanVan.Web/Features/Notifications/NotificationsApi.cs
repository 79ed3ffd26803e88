using DanVan.Data;
using DanVan.Features.Campaigns;
using DanVan.Infrastructure;

namespace DanVan.Features.Notifications;

/// <summary>The caller's latest 100 notifications (newest first), and the models whose report for the last quarter is due.</summary>
public sealed record NotificationsAnswer(IReadOnlyList<NotificationView> Items, IReadOnlyList<DueRow> DueReports);

/// <summary>How many notifications were marked read.</summary>
public sealed record MarkedRead(int Marked);

public static class NotificationsApi
{
    public static void MapNotificationsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/notifications").WithTags("Notifications");
        g.MapGet("/", async (AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
        {
            var scope = await s.GetAsync(ct);
            return TypedResults.Ok(new NotificationsAnswer(
                await Notifications.MineAsync(db, scope, ct), await Notifications.DueReportsAsync(db, scope, CampaignsApi.Today(clock), ct)));
        });
        g.MapPost("/read", async (AppDbContext db, ScopeAccessor s, TimeProvider clock, long? id, CancellationToken ct) =>
            TypedResults.Ok(new MarkedRead(await Notifications.MarkReadAsync(db, await s.GetAsync(ct), id, clock.GetUtcNow(), ct))));
    }
}
