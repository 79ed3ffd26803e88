using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Campaigns;
using DanVan.Features.Reports;
using DanVan.Infrastructure;

namespace DanVan.Features.Inspections;

/// <summary>Inspections and their follow-ups, with the same commands and permissions as the page.</summary>
public static class InspectionsApi
{
    public sealed record TaskDoneInput(int Version, string? Reason);

    public static void MapInspectionsApi(this RouteGroupBuilder api)
    {
        var insp = api.MapGroup("/inspections").WithTags("Commendation");
        insp.MapGet("/", async (AppDbContext db, ScopeAccessor s, TimeProvider clock, int? initiativeId, int? limit, string? after, CancellationToken ct) =>
            TypedResults.Ok(await Inspections.ListAsync(db, await s.GetAsync(ct), initiativeId, ListPage.From(limit, after), clock, ct)))
            .WithSummary("Kiểm tra, giám sát trong phạm vi, ngày kiểm tra muộn nhất trước: lịch, kết quả, việc phải làm và việc quá hạn.");
        insp.MapGet("/{id:int}", async Task<IResult> (int id, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
            await Inspections.ViewAsync(db, await s.GetAsync(ct), id, clock, ct) is { } v ? TypedResults.Ok(v) : Problems.NotFound())
            .WithSummary("Một cuộc kiểm tra: lịch, kết quả, việc phải làm, ảnh.").Produces<InspectionView>();
        insp.MapPost("/", async Task<IResult> (InspectionInput input, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
        {
            if (CampaignsApi.Valid(input) is { } bad)
            {
                return bad;
            }

            var planned = await Inspections.PlanAsync(db, await s.GetAsync(ct), input, clock, ct);
            return CreatedId.At("/api/v1/inspections", planned.Id);
        })
            .WithSummary("Lên lịch kiểm tra một đơn vị (hoặc một mô hình của đơn vị).").Produces<CreatedId>(StatusCodes.Status201Created);
        insp.MapPost("/{id:int}/visit", async Task<IResult> (int id, VisitInput input, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
            CampaignsApi.Valid(input) ?? TypedResults.Ok(new VersionOnly((await Inspections.RecordVisitAsync(db, await s.GetAsync(ct), id, input, clock, ct)).Version)))
            .WithSummary("Ghi kết quả kiểm tra: ngày, kết quả, đánh giá (good, fair, average, weak), việc đơn vị phải làm và hạn.").Produces<VersionOnly>();
        insp.MapPost("/{id:int}/photos", async Task<IResult> (int id, HttpRequest request, AppDbContext db, ScopeAccessor s, EvidenceStore store, TimeProvider clock,
                CancellationToken ct) =>
            {
                var (file, _, problem) = await Uploads.ReadAsync(request, ct);
                if (problem is not null)
                {
                    return problem;
                }

                var photo = await Inspections.AddPhotoAsync(db, await s.GetAsync(ct), store, id, file!, clock, ct);
                return TypedResults.Created($"/api/v1/inspections/{id}/photos/{photo.Id}", new FileAttached(photo.Id, photo.FileName, null, null));
            })
            .DisableAntiforgery().WithSummary("Thêm ảnh của buổi kiểm tra.").Produces<FileAttached>(StatusCodes.Status201Created);
        insp.MapGet("/{id:int}/photos/{photoId:int}", async Task<IResult> (int id, int photoId, AppDbContext db, ScopeAccessor s, EvidenceStore store, CancellationToken ct) =>
            {
                var p = await Inspections.PhotoAsync(db, await s.GetAsync(ct), id, photoId, ct);
                return (p is null ? null : await store.ServeAsync(p.StorageName, EvidenceStore.ContentType(p.FileKind), null, ct)) ?? Problems.NotFound();
            })
            .WithSummary("Một ảnh của buổi kiểm tra.");
        insp.MapPost("/{id:int}/tasks/{taskId:int}/done", async Task<IResult> (int id, int taskId, TaskDoneInput input, AppDbContext db, ScopeAccessor s, TimeProvider clock,
                CancellationToken ct) =>
            {
                await Inspections.CompleteTaskAsync(db, await s.GetAsync(ct), id, taskId, input.Reason, clock, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Đơn vị báo đã làm xong một việc sau kiểm tra (reason: ghi chú).").Produces(StatusCodes.Status204NoContent);
    }
}
