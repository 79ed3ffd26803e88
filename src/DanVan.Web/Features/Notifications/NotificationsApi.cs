using DanVan.Data;
using DanVan.Features.Campaigns;
using DanVan.Infrastructure;

namespace DanVan.Features.Notifications;

public static class NotificationsApi
{
    public static void MapNotificationsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/notifications").WithTags("Notifications");
        g.MapGet("/", async (AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
        {
            var scope = await s.GetAsync(ct);
            return TypedResults.Ok(new
            {
                items = await Notifications.MineAsync(db, scope, ct),
                dueReports = await Notifications.DueReportsAsync(db, scope, CampaignsApi.Today(clock), ct),
            });
        });
        g.MapPost("/read", async (AppDbContext db, ScopeAccessor s, TimeProvider clock, long? id, CancellationToken ct) =>
            TypedResults.Ok(new { marked = await Notifications.MarkReadAsync(db, await s.GetAsync(ct), id, clock.GetUtcNow(), ct) }));
    }
}
