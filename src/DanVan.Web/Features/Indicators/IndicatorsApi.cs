using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Campaigns;
using DanVan.Infrastructure;

namespace DanVan.Features.Indicators;

public static class IndicatorsApi
{
    public static void MapIndicatorsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/indicators").WithTags("Indicators");
        g.MapGet("/", async (AppDbContext db, ScopeAccessor s, CancellationToken ct) => TypedResults.Ok(await IndicatorCatalogue.ListAsync(db, await s.GetAsync(ct), ct)))
            .WithSummary("Danh mục chỉ tiêu kết quả phong trào: mã, tên, đơn vị tính, cách cộng (sum, last), các nguồn.");
        g.MapGet("/{code}", async Task<IResult> (string code, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            (await IndicatorCatalogue.ListAsync(db, await s.GetAsync(ct), ct)).LastOrDefault(i => i.Code == code) is { } found ? TypedResults.Ok(found) : Problems.NotFound())
            .WithSummary("Một chỉ tiêu theo mã (của tỉnh người gọi nếu tỉnh có, không thì của cả nước).").Produces<IndicatorView>();
        g.MapPost("/", async Task<IResult> (IndicatorInput input, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
        {
            if (CampaignsApi.Valid(input) is { } bad)
            {
                return bad;
            }

            var created = await IndicatorCatalogue.CreateAsync(db, await s.GetAsync(ct), input, ct);
            return TypedResults.Created($"/api/v1/indicators/{created.Code}", IndicatorCatalogue.View(created));
        }).WithSummary("Thêm chỉ tiêu: cho cả nước (quản trị) hoặc cho một tỉnh (Thường trực Ban Chỉ đạo tỉnh).").Produces<IndicatorView>(StatusCodes.Status201Created);

        var r = api.MapGroup("/unit-reports").WithTags("Indicators");
        r.MapGet("/", async (AppDbContext db, ScopeAccessor s, string? period, int? limit, string? after, CancellationToken ct) =>
            TypedResults.Ok(await UnitReports.ListAsync(db, await s.GetAsync(ct), period, ListPage.From(limit, after), ct)))
            .WithSummary("Báo cáo định kỳ của các đơn vị trong phạm vi, kỳ muộn nhất trước (kỳ: 2024, 2024-H1, 2024-Q3, 2024-05).");
        r.MapGet("/{unitCode}/{period}", async Task<IResult> (string unitCode, string period, int? map, int? organizationId, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            await UnitReports.FindAsync(db, await s.GetAsync(ct), unitCode, map ?? Maps.Current, period.ToUpperInvariant(), organizationId, ct) is { } found
                ? TypedResults.Ok(found)
                : Problems.NotFound($"Chưa có báo cáo kỳ {period} của đơn vị {unitCode}."))
            .WithSummary("Báo cáo của một đơn vị cho một kỳ.").Produces<UnitReportView>();
        r.MapPost("/", async Task<IResult> (UnitReportInput input, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
        {
            if (CampaignsApi.Valid(input) is { } bad)
            {
                return bad;
            }

            var scope = await s.GetAsync(ct);
            var saved = await UnitReports.SaveAsync(db, scope, input, clock, ct);
            var view = await UnitReports.FindAsync(db, scope, input.UnitCode!.Trim(), input.Map, saved.Report.Period, saved.Report.OrganizationId, ct);
            return TypedResults.Ok(new UnitReportAnswer(view!, saved.Warnings));
        }).WithSummary("Nộp (hoặc nộp lại, thay thế) báo cáo kỳ của một đơn vị; giá trị được đổi sang đơn vị tính của chỉ tiêu; cảnh báo số liệu bất thường.").Produces<UnitReportAnswer>();
    }
}

/// <summary>A unit report as saved, with the warnings on unusual figures.</summary>
public sealed record UnitReportAnswer(UnitReportView Report, IReadOnlyList<string> Warnings);
