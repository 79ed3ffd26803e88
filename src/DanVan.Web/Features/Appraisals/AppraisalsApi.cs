using DanVan.Data;
using DanVan.Features.Campaigns;
using DanVan.Infrastructure;

namespace DanVan.Features.Appraisals;

public sealed record RecusalInput(string? Reason);

public static class AppraisalsApi
{
    public static void MapAppraisalsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/appraisals").WithTags("Appraisals");
        g.MapGet("/", async (AppDbContext db, ScopeAccessor s, int? limit, string? after, CancellationToken ct) =>
            TypedResults.Ok(await Appraisals.ListAsync(db, await s.GetAsync(ct), ListPage.From(limit, after), ct)));
        g.MapGet("/{id:int}", async Task<IResult> (int id, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            await Appraisals.ViewAsync(db, await s.GetAsync(ct), id, ct) is { } v ? TypedResults.Ok(Shape(v)) : Problems.NotFound())
            .WithSummary("Kết quả: điểm từng thành viên, điểm trung bình thô, trung bình chuẩn hoá (z), độ phân tán, kết luận.").Produces<AppraisalAnswer>();
        g.MapPost("/", async Task<IResult> (AppraisalInput input, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
            CampaignsApi.Valid(input) ?? CreatedId.At("/api/v1/appraisals", (await Appraisals.CreateAsync(db, await s.GetAsync(ct), input, clock, ct)).Id)).Produces<CreatedId>(StatusCodes.Status201Created);
        g.MapPut("/{id:int}/items/{itemId:int}/scores", async Task<IResult> (int id, int itemId, ScoreInput input, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
        {
            await Appraisals.ScoreAsync(db, await s.GetAsync(ct), id, itemId, input, ct);
            return TypedResults.NoContent();
        }).WithSummary("Thành viên hội đồng chấm điểm một mô hình (mọi tiêu chí).").Produces(StatusCodes.Status204NoContent);
        g.MapPost("/{id:int}/items/{itemId:int}/recusal", async Task<IResult> (int id, int itemId, RecusalInput input, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
        {
            await Appraisals.RecuseAsync(db, await s.GetAsync(ct), id, itemId, input.Reason, ct);
            return TypedResults.NoContent();
        }).Produces(StatusCodes.Status204NoContent);
        g.MapPut("/{id:int}/items/{itemId:int}/conclusion", async Task<IResult> (int id, int itemId, ConclusionInput input, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
        {
            if (CampaignsApi.Valid(input) is { } bad)
            {
                return bad;
            }

            await Appraisals.ConcludeAsync(db, await s.GetAsync(ct), id, itemId, input, clock, ct);
            return TypedResults.NoContent();
        }).Produces(StatusCodes.Status204NoContent);
        g.MapPost("/{id:int}/close", async Task<IResult> (int id, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
        {
            await Appraisals.CloseAsync(db, await s.GetAsync(ct), id, ct);
            return TypedResults.NoContent();
        }).Produces(StatusCodes.Status204NoContent);
    }

    // Tuples do not serialise by name; the API gets named records.
    private static AppraisalAnswer Shape(AppraisalView v) => new(
        v.Id, v.Name, v.UnitCode, v.UnitName, EnumKeys.Key(v.Status), v.OpenedOn, v.CriteriaSet, v.Members, v.Version,
        [.. v.Items.Select(i => new AppraisalItemAnswer(
            i.ItemId, i.InitiativeId, i.InitiativeName, i.UnitName, EnumKeys.Key(i.Outcome), i.Conclusion, i.FieldVisitNotes,
            [.. i.Excluded.Select(e => new ExclusionAnswer(e.UserId, e.Automatic, e.Reason))],
            i.Result.MemberCount, i.Result.RawMean, i.Result.Spread, i.Result.NormalisedZ, i.Result.NormalisedScore, i.Result.Totals, i.Result.Diverging, i.Result.Passes))]);
}

/// <summary>An appraisal as the API gives it: members, and per model the means (raw and normalised), spread and conclusion.</summary>
public sealed record AppraisalAnswer(int Id, string Name, string UnitCode, string UnitName, string Status, DateOnly OpenedOn, Criteria.CriteriaSetView CriteriaSet,
    IReadOnlyList<MemberView> Members, int Version, IReadOnlyList<AppraisalItemAnswer> Items);

public sealed record AppraisalItemAnswer(int ItemId, int InitiativeId, string InitiativeName, string UnitName, string Outcome, string? Conclusion, string? FieldVisitNotes,
    IReadOnlyList<ExclusionAnswer> Excluded, int MemberCount, decimal? RawMean, decimal? Spread, decimal? NormalisedZ, decimal? NormalisedScore,
    IReadOnlyDictionary<string, decimal> Totals, IReadOnlyList<string> Diverging, bool? Passes);

/// <summary>A member kept out of scoring a model: who, whether the rule did it (same unit), and why.</summary>
public sealed record ExclusionAnswer(string UserId, bool Automatic, string Reason);
