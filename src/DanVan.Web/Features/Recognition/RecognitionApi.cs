using DanVan.Data;
using DanVan.Features.Campaigns;
using DanVan.Features.Review;
using DanVan.Infrastructure;

namespace DanVan.Features.Recognition;

/// <summary>Recognition decisions, replication, the yearly review.</summary>
public static class RecognitionApi
{
    public static void MapRecognitionApi(this RouteGroupBuilder api)
    {
        var d = api.MapGroup("/recognitions").WithTags("Recognition");
        d.MapGet("/", async (AppDbContext db, ScopeAccessor s, int? limit, string? after, CancellationToken ct) =>
            TypedResults.Ok(await Recognitions.ListAsync(db, await s.GetAsync(ct), ListPage.From(limit, after), ct)));
        d.MapGet("/{id:int}", async Task<IResult> (int id, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            await Recognitions.ViewAsync(db, await s.GetAsync(ct), id, ct) is { } v ? TypedResults.Ok(v) : Problems.NotFound()).Produces<DecisionView>();
        d.MapPost("/", async Task<IResult> (DecisionInput input, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
            CampaignsApi.Valid(input) ?? CreatedId.At("/api/v1/recognitions", (await Recognitions.IssueAsync(db, await s.GetAsync(ct), input, clock, ct)).Id))
            .WithSummary("Một quyết định công nhận cho một hoặc nhiều mô hình: tất cả hoặc không mô hình nào.").Produces<CreatedId>(StatusCodes.Status201Created);

        var i = api.MapGroup("/initiatives").WithTags("Initiatives");
        i.MapGet("/{id:int}/recognitions", async Task<IResult> (int id, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
        {
            _ = await Lookups.InitiativeAsync(db, await s.GetAsync(ct), id, ct);
            return TypedResults.Ok(await Recognitions.HistoryAsync(db, id, ct));
        }).Produces<List<HistoryRow>>();
        i.MapPost("/{id:int}/replications", async Task<IResult> (int id, ReplicateInput input, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
        {
            if (CampaignsApi.Valid(input) is { } bad)
            {
                return bad;
            }

            var copy = await Replication.ReplicateAsync(db, await s.GetAsync(ct), id, input, clock, ct);
            return TypedResults.Created($"/api/v1/initiatives/{copy.Id}", new CreatedId(copy.Id));
        }).WithSummary("Nhân rộng một mô hình đã được công nhận sang đơn vị, tổ chức khác.").Produces<CreatedId>(StatusCodes.Status201Created);
        i.MapGet("/{id:int}/replications", async Task<IResult> (int id, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
        {
            var scope = await s.GetAsync(ct);
            var source = await db.Initiatives.FindAsync([id], ct);
            if (source is null || !(source.IsPublic || scope.CanRead(source.ScopePath)))
            {
                return Problems.NotFound();
            }

            var (tree, total) = await Replication.TreeAsync(db, scope, id, ct);
            return TypedResults.Ok(new ReplicationTree(total, tree.Count, tree));
        }).Produces<ReplicationTree>();
        i.MapPost("/{id:int}/review", async Task<IResult> (int id, ReviewInput input, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
        {
            if (CampaignsApi.Valid(input) is { } bad)
            {
                return bad;
            }

            await Reviews.DecideAsync(db, await s.GetAsync(ct), id, input, clock, ct);
            return TypedResults.NoContent();
        }).WithSummary("Rà soát: giữ lại (keep), loại bỏ (retire) hoặc khôi phục (reinstate), kèm lý do.").Produces(StatusCodes.Status204NoContent);

        api.MapGet("/review", async Task<IResult> (AppDbContext db, ScopeAccessor s, TimeProvider clock, string? unit, DateOnly? asOf, int? months, int? years, CancellationToken ct) =>

            {
                if (months is < 1 or > 120 || years is < 1 or > 20)
                {
                    return Problems.Invalid("months", "months từ 1 đến 120, years từ 1 đến 20.");
                }

                var settings = new ReviewSettings(months ?? 12, 3, years ?? 3);
                return TypedResults.Ok(await Reviews.DueAsync(db, await s.GetAsync(ct), unit, asOf ?? CampaignsApi.Today(clock), settings, ct));
            }).WithTags("Review").WithSummary("Danh sách mô hình cần rà soát với các dấu hiệu tự động.").Produces<List<ReviewRow>>();
    }
}

/// <summary>The models replicated from one: how many in all, how many directly, and the tree.</summary>
public sealed record ReplicationTree(int Total, int Direct, IReadOnlyList<ReplicaNode> Tree);
