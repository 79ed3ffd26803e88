using DanVan.Data;
using DanVan.Features.Campaigns;
using DanVan.Infrastructure;

namespace DanVan.Features.Conferences;

public static class ConferencesApi
{
    public static void MapConferencesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/conferences").WithTags("Commendation");
        g.MapGet("/", async (AppDbContext db, ScopeAccessor s, CancellationToken ct) => TypedResults.Ok(await Conferences.ListAsync(db, await s.GetAsync(ct), ct)));
        g.MapGet("/{id:int}", async Task<IResult> (int id, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            await Conferences.ViewAsync(db, await s.GetAsync(ct), id, ct) is { } v ? TypedResults.Ok(v) : Problems.NotFound()).Produces<ConferenceView>();
        g.MapGet("/{id:int}/shortlist", async Task<IResult> (int id, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            TypedResults.Ok(await Conferences.ShortlistAsync(db, await s.GetAsync(ct), id, ct))).Produces<List<ShortlistRow>>();
        g.MapPost("/", async Task<IResult> (ConferenceInput input, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            CampaignsApi.Valid(input) ?? CreatedId.At("/api/v1/conferences", (await Conferences.CreateAsync(db, await s.GetAsync(ct), input, ct)).Id)).Produces<CreatedId>(StatusCodes.Status201Created);
        g.MapPost("/{id:int}/awards", async Task<IResult> (int id, AwardInput input, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            CampaignsApi.Valid(input) ?? TypedResults.Created($"/api/v1/conferences/{id}", new CreatedId((await Conferences.AwardAsync(db, await s.GetAsync(ct), id, input, ct)).Id)))
            .WithSummary("Khen thưởng tập thể hoặc cá nhân của một mô hình đã công nhận, trong chỉ tiêu của hội nghị.").Produces<CreatedId>(StatusCodes.Status201Created);
    }
}
