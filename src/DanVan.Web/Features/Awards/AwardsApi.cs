using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Campaigns;
using DanVan.Features.Reports;
using DanVan.Infrastructure;

namespace DanVan.Features.Awards;

/// <summary>A form of award as the catalogue lists it.</summary>
public sealed record AwardFormRow(string Code, string Name, string Title, string Level, string IssuingBody, bool CountryWide)
{
    public static AwardFormRow Of(AwardForm f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(f.Code, f.Name, f.Title, Summary.Levels[(int)f.Level], f.IssuingBody, f.ScopePath == "/");
    }
}

/// <summary>Award forms and award decisions, with the same commands and permissions as the pages.</summary>
public static class AwardsApi
{
    public static void MapAwardsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/award-forms", async (AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            TypedResults.Ok((await Awards.FormsAsync(db, await s.GetAsync(ct), ct)).Select(AwardFormRow.Of).ToList()))
            .WithTags("Commendation").WithSummary("Danh mục hình thức khen thưởng theo cấp.");
        api.MapGet("/award-forms/{code}", async Task<IResult> (string code, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            (await Awards.FormsAsync(db, await s.GetAsync(ct), ct)).Where(f => f.Code == code).OrderByDescending(f => f.ScopePath.Length).FirstOrDefault() is { } form
                ? TypedResults.Ok(AwardFormRow.Of(form)) : Problems.NotFound())
            .WithTags("Commendation").WithSummary("Một hình thức khen thưởng (của tỉnh người gọi nếu tỉnh có, không thì của cả nước).").Produces<AwardFormRow>();
        api.MapPut("/award-forms/{code}", async Task<IResult> (string code, AwardFormInput input, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            CampaignsApi.Valid(input) ?? TypedResults.Ok(new CodeOnly((await Awards.EditFormAsync(db, await s.GetAsync(ct), code, input, ct)).Code)))
            .WithTags("Commendation").WithSummary("Sửa tên, chữ trên bằng, cơ quan ban hành của một hình thức (của cả nước: quản trị; của tỉnh: Thường trực tỉnh).").Produces<CodeOnly>();
        api.MapPost("/award-forms", async Task<IResult> (AwardFormInput input, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
        {
            if (CampaignsApi.Valid(input) is { } bad)
            {
                return bad;
            }

            var added = await Awards.AddFormAsync(db, await s.GetAsync(ct), input, ct);
            return TypedResults.Created($"/api/v1/award-forms/{Uri.EscapeDataString(added.Code)}", new CodeOnly(added.Code));
        }).WithTags("Commendation").WithSummary("Thêm hình thức khen thưởng: của cả nước (quản trị) hoặc của tỉnh (Thường trực Ban Chỉ đạo tỉnh, unitCode).").Produces<CodeOnly>(StatusCodes.Status201Created);


        var a = api.MapGroup("/awards").WithTags("Commendation");
        a.MapGet("/", async (AppDbContext db, ScopeAccessor s, string? number, int? year, string? form, int? limit, string? after, CancellationToken ct) =>
            TypedResults.Ok(await Awards.RegisterAsync(db, await s.GetAsync(ct), number, year, form, ListPage.From(limit, after), ct)))
            .WithSummary("Sổ quyết định khen thưởng: tìm theo số, năm, hình thức.");
        a.MapGet("/{id:int}", async Task<IResult> (int id, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            await Awards.ViewAsync(db, await s.GetAsync(ct), id, ct) is { } v ? TypedResults.Ok(v) : Problems.NotFound()).Produces<AwardView>();
        a.MapGet("/{id:int}/decision.docx", async Task<IResult> (int id, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            await Awards.ViewAsync(db, await s.GetAsync(ct), id, ct) is { } v
                ? TypedResults.File(Awards.Docx(v), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Exports.FileName("quyet-dinh-khen-thuong", "docx"))
                : Problems.NotFound());
        a.MapPost("/", async Task<IResult> (AwardInput input, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
            CampaignsApi.Valid(input) ?? CreatedId.At("/api/v1/awards", (await Awards.IssueAsync(db, await s.GetAsync(ct), input, clock, ct)).Id))
            .WithSummary("Quyết định khen thưởng: hình thức, số, ngày, tập thể và cá nhân (hoặc hồ sơ đề nghị đã tiếp nhận); tất cả hoặc không.").Produces<CreatedId>(StatusCodes.Status201Created);
    }
}
