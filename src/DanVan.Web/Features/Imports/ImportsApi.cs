using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Reports;
using DanVan.Features.Results;
using DanVan.Infrastructure;

namespace DanVan.Features.Imports;

public static class ImportsApi
{
    public static void MapImportsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/imports").WithTags("Imports");
        g.MapGet("/template.xlsx", () => TypedResults.File(InitiativeImport.Template(), Exports.XlsxType, "mau-nhap-mo-hinh.xlsx"));
        g.MapPost("/", async Task<IResult> (HttpRequest request, AppDbContext db, ScopeAccessor s, EvidenceStore store, TimeProvider clock, CancellationToken ct) =>
        {
            var (file, form, problem) = await Uploads.ReadAsync(request, ct);
            if (problem is not null)
            {
                return problem;
            }

            var dryRun = bool.TryParse(form!["dryRun"], out var d) && d;
            var kind = string.IsNullOrWhiteSpace(form["kind"]) ? ImportJob.Initiatives : form["kind"].ToString().Trim();
            var job = await ImportJobs.EnqueueAsync(db, await s.GetAsync(ct), store, file!, dryRun, clock, ct, kind);
            return TypedResults.Accepted($"/api/v1/imports/{job.Id}", new ImportQueued(job.Id, "queued"));
        })
            // The framework's own form check cannot take a personal token; CookieApiForgery checks cookie calls instead.
            .DisableAntiforgery().WithSummary("Nhập từ .xlsx/.csv: danh sách mô hình (kind=initiatives, mặc định), số liệu kết quả (kind=results) hoặc danh sách khen thưởng (kind=awards); dryRun=true: chỉ kiểm tra. Trả về mã công việc.")
            .Produces<ImportQueued>(StatusCodes.Status202Accepted);
        g.MapPost("/results", async Task<IResult> (HttpRequest request, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
        {
            var (file, form, problem) = await Uploads.ReadAsync(request, ct);
            if (problem is not null)
            {
                return problem;
            }

            var dryRun = bool.TryParse(form!["dryRun"], out var d) && d;
            await using var stream = file!.OpenReadStream();
            var outcome = await Indicators.ResultsImport.RunAsync(db, await s.GetAsync(ct), stream, file.FileName, dryRun, clock, ct);
            if (outcome.FileError is not null)
            {
                return Problems.Invalid("file", outcome.FileError);
            }

            // All or nothing: every bad row with its reasons, and nothing written.
            return outcome.Errors.Count > 0
                ? TypedResults.Problem(title: "Tệp có dòng sai; không nhập dòng nào.", statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["rows"] = outcome.Errors })
                : TypedResults.Ok(new ResultsImported(dryRun, outcome.Total, outcome.UnitValues, outcome.ModelValues));
        })
            .DisableAntiforgery().WithSummary("Nhập số liệu kết quả phong trào (Mã mô hình, Đơn vị*, Bản đồ, Kỳ*, Chỉ tiêu*, Nguồn, Giá trị*, Đơn vị tính, Ghi chú); tất cả hoặc không dòng nào.").Produces<ResultsImported>();
        g.MapGet("/{id:int}", async Task<IResult> (int id, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            await ImportJobs.ViewAsync(db, await s.GetAsync(ct), id, ct) is { } v ? TypedResults.Ok(v) : Problems.NotFound())
            .WithSummary("Tiến độ, lỗi từng dòng và kết quả của một lần nhập.").Produces<ImportJobView>();
    }
}
