using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Campaigns;
using DanVan.Infrastructure;

namespace DanVan.Features.Reports;

public static class ReportsApi
{
    public static void MapReportsApi(this RouteGroupBuilder api)
    {
        MapSummary(api);
        api.MapGet("/reports/sources", async Task<IResult> ([FromKeyedServices(ReadReplica.Key)] AppDbContext db, ScopeAccessor s, TimeProvider clock, string? indicator, string? unit, int? map, DateOnly? from, DateOnly? to,
                CancellationToken ct) =>
            {
                var today = CampaignsApi.Today(clock);
                return TypedResults.Ok(await Indicators.IndicatorSources.RunAsync(db, await s.GetAsync(ct), indicator, unit, map ?? Maps.Current,
                    from ?? new DateOnly(today.Year, 1, 1), to ?? today, ct));
            })
            .WithTags("Reports")
            .WithSummary("Nguồn của một số liệu kết quả: theo đơn vị trực thuộc, và các mô hình, báo cáo ghi nhận tại đơn vị.").Produces<Indicators.SourcesView>();
        api.MapReportFilesApi();
    }

    private static void MapSummary(RouteGroupBuilder api) =>
        api.MapGet("/reports/summary", async Task<IResult> ([FromKeyedServices(ReadReplica.Key)] AppDbContext db, ScopeAccessor s, TimeProvider clock, string? unit, int? map, DateOnly? from, DateOnly? to, CancellationToken ct) =>

            {
                var today = CampaignsApi.Today(clock);
                var report = await Summary.RunAsync(db, await s.GetAsync(ct), unit, map ?? Maps.Current, from ?? new DateOnly(today.Year, 1, 1), to ?? today, ct);
                return TypedResults.Ok(report);
            })
            .WithTags("Reports")
            .WithSummary("Số liệu tổng hợp của một đơn vị (cây con) trong một khoảng thời gian, tính trực tiếp từ dữ liệu.").Produces<SummaryReport>();

    public static void MapReportFilesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/summary.xlsx", async Task<IResult> ([FromKeyedServices(ReadReplica.Key)] AppDbContext db, ScopeAccessor s, TimeProvider clock, string? unit, int? map, DateOnly? from, DateOnly? to, CancellationToken ct) =>

            {
                var today = CampaignsApi.Today(clock);
                var report = await Summary.RunAsync(db, await s.GetAsync(ct), unit, map ?? Maps.Current, from ?? new DateOnly(today.Year, 1, 1), to ?? today, ct);
                return TypedResults.File(Exports.SummaryXlsx(report), Exports.XlsxType, Exports.FileName("tong-hop " + report.Unit.Name, "xlsx"));
            }).WithTags("Reports").WithSummary("Bảng tổng hợp dạng Excel.");
        api.MapPost("/reports/document", async Task<IResult> (DocumentInput input, [FromKeyedServices(ReadReplica.Key)] AppDbContext db, ScopeAccessor s, TimeProvider clock, string? unit, int? map, DateOnly? from, DateOnly? to, CancellationToken ct) =>

            {
                if (CampaignsApi.Valid(input) is { } bad)
                {
                    return bad;
                }

                var today = CampaignsApi.Today(clock);
                var report = await Summary.RunAsync(db, await s.GetAsync(ct), unit, map ?? Maps.Current, from ?? new DateOnly(today.Year, 1, 1), to ?? today, ct);
                return TypedResults.File(ReviewDocument.Build(input, report), Exports.DocxType, Exports.FileName("bao-cao " + report.Unit.Name, "docx"));
            }).WithTags("Reports").WithSummary("Báo cáo sơ kết, tổng kết dạng Word (.docx), thể thức văn bản của Đảng hoặc Nhà nước.");
    }
}
