using DanVan.Data;
using DanVan.Features.Committees;
using DanVan.Features.Criteria;
using DanVan.Infrastructure;
using DanVan.Domain;

namespace DanVan.Features.Campaigns;

/// <summary>Committees, teams, criteria sets and registration rounds: the secretariat's set-up.</summary>
public static class CampaignsApi
{
    public static void MapCampaignsApi(this RouteGroupBuilder api)
    {
        var c = api.MapGroup("/campaigns").WithTags("Campaigns");
        c.MapGet("/", async (AppDbContext db, ScopeAccessor s, int? limit, string? after, CancellationToken ct) =>
            TypedResults.Ok(await Campaigns.ListAsync(db, await s.GetAsync(ct), ListPage.From(limit, after), ct)));
        c.MapGet("/{id:int}", async Task<IResult> (int id, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
            await Campaigns.DetailAsync(db, await s.GetAsync(ct), id, Today(clock), ct) is { } d ? TypedResults.Ok(d) : Problems.NotFound())
            .WithSummary("Đợt đăng ký với tiến độ từng đơn vị so với chỉ tiêu.").Produces<CampaignDetail>();
        c.MapPost("/", async Task<IResult> (CampaignInput input, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
        {
            if (Valid(input) is { } bad)
            {
                return bad;
            }

            var saved = await Campaigns.SaveAsync(db, await s.GetAsync(ct), null, input, ct);
            return TypedResults.Created($"/api/v1/campaigns/{saved.Id}", new IdAndVersion(saved.Id, saved.Version));
        }).Produces<IdAndVersion>(StatusCodes.Status201Created);
        c.MapPut("/{id:int}", async Task<IResult> (int id, CampaignInput input, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
        {
            if (Valid(input) is { } bad)
            {
                return bad;
            }

            var saved = await Campaigns.SaveAsync(db, await s.GetAsync(ct), id, input, ct);
            return TypedResults.Ok(new IdAndVersion(saved.Id, saved.Version));
        }).Produces<IdAndVersion>();

        var k = api.MapGroup("/criteria-sets").WithTags("Criteria");
        k.MapGet("/", async (AppDbContext db, ScopeAccessor s, CancellationToken ct) => TypedResults.Ok(await CriteriaSets.ListAsync(db, await s.GetAsync(ct), ct)));
        k.MapGet("/{id:int}", async Task<IResult> (int id, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            await CriteriaSets.GetAsync(db, await s.GetAsync(ct), id, ct) is { } v ? TypedResults.Ok(v) : Problems.NotFound()).Produces<CriteriaSetView>();
        k.MapPost("/", async Task<IResult> (CriteriaSetInput input, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
        {
            if (Valid(input) is { } bad)
            {
                return bad;
            }

            var saved = CriteriaSets.View(await CriteriaSets.SaveAsync(db, await s.GetAsync(ct), null, input, ct));
            return TypedResults.Created($"/api/v1/criteria-sets/{saved.Id}", saved);
        }).Produces<CriteriaSetView>(StatusCodes.Status201Created);
        k.MapPut("/{id:int}", async Task<IResult> (int id, CriteriaSetInput input, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            Valid(input) ?? TypedResults.Ok(CriteriaSets.View(await CriteriaSets.SaveAsync(db, await s.GetAsync(ct), id, input, ct))))
            .WithSummary("Sửa bộ tiêu chí; bộ đã dùng để thẩm định thì tạo phiên bản mới.").Produces<CriteriaSetView>();

        var m = api.MapGroup("/committees").WithTags("Committees");
        m.MapGet("/", async (AppDbContext db, ScopeAccessor s, int? limit, string? after, CancellationToken ct) =>
            TypedResults.Ok(await Committees.Committees.ListAsync(db, await s.GetAsync(ct), ListPage.From(limit, after), ct)));
        m.MapPost("/", async Task<IResult> (CommitteeInput input, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            Valid(input) ?? CreatedId.At("/api/v1/committees", (await Committees.Committees.SaveAsync(db, await s.GetAsync(ct), null, input, ct)).Id)).Produces<CreatedId>(StatusCodes.Status201Created);
        m.MapGet("/{id:int}", async Task<IResult> (int id, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            await Committees.Committees.ViewAsync(db, await s.GetAsync(ct), id, ct) is { } v ? TypedResults.Ok(v) : Problems.NotFound())
            .WithSummary("Một ban chỉ đạo: nhiệm kỳ, thành viên, lĩnh vực và đơn vị theo dõi.").Produces<CommitteeView>();
        m.MapPut("/{id:int}", async Task<IResult> (int id, CommitteeInput input, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            Valid(input) ?? TypedResults.Ok(new VersionOnly((await Committees.Committees.SaveAsync(db, await s.GetAsync(ct), id, input, ct)).Version))).Produces<VersionOnly>();
        m.MapGet("/teams", async (AppDbContext db, ScopeAccessor s, int? limit, string? after, CancellationToken ct) =>
            TypedResults.Ok(await Committees.Committees.TeamsAsync(db, await s.GetAsync(ct), ListPage.From(limit, after), ct)));
        m.MapPost("/teams", async Task<IResult> (TeamInput input, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            Valid(input) ?? TypedResults.Created("/api/v1/committees/teams", new CreatedId((await Committees.Committees.AddTeamAsync(db, await s.GetAsync(ct), input, ct)).Id))).Produces<CreatedId>(StatusCodes.Status201Created);
    }

    public static DateOnly Today(TimeProvider clock) => VietnamClock.Today(clock);

    public static IResult? Valid(object input)
    {
        var errors = Validation.Errors(input);
        return errors.Count == 0 ? null : Problems.Invalid(errors);
    }
}
