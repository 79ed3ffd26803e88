using DanVan.Data;
using DanVan.Features.Campaigns;
using DanVan.Infrastructure;

namespace DanVan.Features.Results;

public static class ResultsApi
{
    public static void MapResultsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Results");
        g.MapGet("/measures", async (AppDbContext db, ScopeAccessor s, CancellationToken ct) => TypedResults.Ok(await ResultReporting.MeasuresAsync(db, await s.GetAsync(ct), ct)))
            .WithSummary("Danh mục đơn vị tính: đã duyệt cho cả nước hoặc tỉnh của người gọi, và đề xuất đang chờ của chính người gọi.");
        g.MapGet("/measures/proposals", async (AppDbContext db, ScopeAccessor s, CancellationToken ct) => TypedResults.Ok(await ResultReporting.ProposalsAsync(db, await s.GetAsync(ct), ct)))
            .WithSummary("Đơn vị tính do cán bộ đề xuất, chờ Ban Dân vận duyệt (trong phạm vi người gọi).");
        g.MapPost("/measures/{id:int}/approve", async Task<IResult> (int id, bool? countryWide, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            {
                var m = await ResultReporting.ApproveAsync(db, await s.GetAsync(ct), id, countryWide ?? false, ct);
                return TypedResults.Ok(new MeasureView(m.Id, m.Name, m.BuiltIn, m.Approved));
            })
            .WithSummary("Duyệt đơn vị tính cho tỉnh (thường trực) hoặc cả nước (?countryWide=true, quản trị).").Produces<MeasureView>();
        g.MapGet("/initiatives/{id:int}/results", async Task<IResult> (int id, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            TypedResults.Ok(await ResultReporting.ForInitiativeAsync(db, await s.GetAsync(ct), id, ct))).Produces<List<ResultView>>();
        g.MapPost("/initiatives/{id:int}/results", async Task<IResult> (int id, ResultInput input, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>

            {
                if (CampaignsApi.Valid(input) is { } bad)
                {
                    return bad;
                }

                var r = await ResultReporting.SaveAsync(db, await s.GetAsync(ct), id, null, input, clock, ct);
                return TypedResults.Created($"/api/v1/initiatives/{id}/results", new IdAndVersion(r.Id, r.Version));
            }).WithSummary("Báo cáo kết quả một kỳ (tháng, quý, năm).").Produces<IdAndVersion>(StatusCodes.Status201Created);
        g.MapPut("/initiatives/{id:int}/results/{reportId:int}", async Task<IResult> (int id, int reportId, ResultInput input, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>

            {
                if (CampaignsApi.Valid(input) is { } bad)
                {
                    return bad;
                }

                var r = await ResultReporting.SaveAsync(db, await s.GetAsync(ct), id, reportId, input, clock, ct);
                return TypedResults.Ok(new IdAndVersion(r.Id, r.Version));
            }).WithSummary("Đính chính báo cáo; bản trước được lưu lại.").Produces<IdAndVersion>();
        g.MapPost("/results/{reportId:int}/evidence", async Task<IResult> (int reportId, HttpRequest request, AppDbContext db, ScopeAccessor s, EvidenceStore store,
            TimeProvider clock, CancellationToken ct) =>
            {
                var (file, form, problem) = await Uploads.ReadAsync(request, ct);
                if (problem is not null)
                {
                    return problem;
                }

                var isPublic = bool.TryParse(form!["isPublic"], out var p) && p;
                var e = await ResultReporting.AttachAsync(db, await s.GetAsync(ct), store, reportId, file!, isPublic, clock, ct);
                return TypedResults.Created($"/api/v1/evidence/{e.Id}", new FileAttached(e.Id, e.FileName, EnumKeys.Key(e.Kind), e.Size));
            })
            // The framework's own form check cannot take a personal token; CookieApiForgery checks cookie calls instead.
            .DisableAntiforgery().WithSummary("Đính kèm minh chứng (ảnh, PDF, Word, Excel; kiểm tra theo nội dung).").Produces<FileAttached>(StatusCodes.Status201Created);
        g.MapGet("/evidence/{id:int}", async Task<IResult> (int id, int? w, AppDbContext db, ScopeAccessor s, EvidenceStore store, Thumbnails thumbs, CancellationToken ct) =>
        {
            if (await ResultReporting.EvidenceAsync(db, await s.GetAsync(ct), id, ct) is not { } f)
            {
                return Problems.NotFound();
            }

            // ?w=480: the photo at the size it is shown (a JPEG); without it, the original file.
            if (w is > 0 && EvidenceStore.IsImage(f.Kind))
            {
                return await thumbs.PathAsync(f, w.Value, ct) is { } thumb ? TypedResults.PhysicalFile(thumb, "image/jpeg") : Problems.NotFound();
            }

            return await store.ServeAsync(f.StorageName, EvidenceStore.ContentType(f.Kind), EvidenceStore.IsImage(f.Kind) || f.Kind == Domain.EvidenceKind.Pdf ? null : f.FileName, ct)
                ?? Problems.NotFound();
        }).WithSummary("Tải minh chứng; ảnh có w (rộng, px) được thu nhỏ về 160, 320, 480 hoặc 960 px.");
    }
}
