using DanVan.Data;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Me;

public sealed record GrantView(string Role, string? UnitCode, string? UnitName);

public sealed record MeView(string? Id, string? UserName, IReadOnlyList<GrantView> Grants);

public static class MeApi
{
    public static void MapMeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me/tasks", async (AppDbContext db, ScopeAccessor scopes, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await MyTasks.ForAsync(db, await scopes.GetAsync(ct), Campaigns.CampaignsApi.Today(clock), ct)))
            .WithTags("Me").WithSummary("Việc đang chờ người gọi: đợt đăng ký sắp hết hạn, báo cáo kết quả đến hạn, mô hình cần chấm điểm, và các mô hình của mình.");
        api.MapGet("/me", async (AppDbContext db, ScopeAccessor scopes, CancellationToken ct) =>
        {
            var scope = await scopes.GetAsync(ct);
            var grants = await db.RoleGrants.AsNoTracking().Where(g => g.UserId == scope.UserId)
                .Select(g => new { g.Role, Code = g.Unit != null ? g.Unit.Code : null, Name = g.Unit != null ? g.Unit.FullName : null })
                .ToListAsync(ct);
            return TypedResults.Ok(new MeView(scope.UserId, scope.UserName,
                grants.Select(g => new GrantView(EnumKeys.Key(g.Role), g.Code, g.Name)).ToList()));
        }).WithTags("Me").WithSummary("Người gọi và các quyền của mình.");
    }
}
