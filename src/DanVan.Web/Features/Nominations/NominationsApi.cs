using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Campaigns;
using DanVan.Features.Reports;
using DanVan.Infrastructure;

namespace DanVan.Features.Nominations;

/// <summary>Nominations up the levels and their rounds, with the same commands and permissions as the pages.</summary>
public static class NominationsApi
{
    public sealed record StepInput(int Version, string? Reason);

    public static void MapNominationsApi(this RouteGroupBuilder api)
    {
        var n = api.MapGroup("/nominations").WithTags("Commendation");
        n.MapGet("/", async Task<IResult> (AppDbContext db, ScopeAccessor s, TimeProvider clock, string? status, int? limit, string? after, CancellationToken ct) =>
        {
            NominationStatus? filter = null;
            if (!string.IsNullOrWhiteSpace(status))
            {
                if (!EnumKeys.TryParse<NominationStatus>(status, out var st))
                {
                    return Problems.Invalid("status", "Trạng thái phải là draft, submitted, returned, received hoặc awarded.");
                }

                filter = st;
            }

            return TypedResults.Ok(await Nominations.ListAsync(db, await s.GetAsync(ct), filter, ListPage.From(limit, after), clock, ct));
        }).WithSummary("Hồ sơ đề nghị khen thưởng của đơn vị mình và hồ sơ cấp mình đang giữ, mới nhất trước; mỗi hồ sơ nói đang ở đâu, bao lâu.").Produces<Page<NominationView>>();
        n.MapGet("/{id:int}", async Task<IResult> (int id, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
            await Nominations.ViewAsync(db, await s.GetAsync(ct), id, clock, ct) is { } v ? TypedResults.Ok(v) : Problems.NotFound()).Produces<NominationView>();
        n.MapPost("/", async Task<IResult> (NominationInput input, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
            CampaignsApi.Valid(input) ?? CreatedId.At("/api/v1/nominations", (await Nominations.CreateAsync(db, await s.GetAsync(ct), input, clock, ct)).Id))
            .WithSummary("Lập hồ sơ đề nghị khen thưởng (đang soạn).").Produces<CreatedId>(StatusCodes.Status201Created);
        n.MapPut("/{id:int}", async Task<IResult> (int id, NominationInput input, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            CampaignsApi.Valid(input) ?? TypedResults.Ok(new VersionOnly((await Nominations.UpdateAsync(db, await s.GetAsync(ct), id, input, ct)).Version)))
            .WithSummary("Sửa hồ sơ đang soạn hoặc bị trả lại; gửi kèm version đã đọc.").Produces<VersionOnly>();
        n.MapPost("/{id:int}/submit", async Task<IResult> (int id, StepInput input, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(await StatusAsync(await Nominations.SubmitAsync(db, await s.GetAsync(ct), id, input.Version, clock, ct))))
            .WithSummary("Gửi hồ sơ lên cấp trên (hoặc gửi lại sau khi sửa).").Produces<StepTaken>();
        n.MapPost("/{id:int}/attachments", async Task<IResult> (int id, HttpRequest request, AppDbContext db, ScopeAccessor s, EvidenceStore store, TimeProvider clock,
                CancellationToken ct) =>
            {
                var (file, form, problem) = await Uploads.ReadAsync(request, ct);
                if (problem is not null)
                {
                    return problem;
                }

                if (!EnumKeys.TryParse<AttachmentKind>(form!["kind"], out var kind))
                {
                    return Problems.Invalid("kind", "Loại tài liệu: cover_letter, achievement_report, minutes hoặc other.");
                }

                var a = await Nominations.AttachAsync(db, await s.GetAsync(ct), store, id, kind, file!, clock, ct);
                return TypedResults.Created($"/api/v1/nominations/{id}/attachments/{a.Id}", new FileAttached(a.Id, a.FileName, EnumKeys.Key(a.Kind), a.Size));
            })
            .DisableAntiforgery().WithSummary("Thêm tài liệu vào hồ sơ (tờ trình, báo cáo thành tích, biên bản họp; PDF, Word, Excel, ảnh).").Produces<FileAttached>(StatusCodes.Status201Created);
        n.MapGet("/{id:int}/attachments/{attachmentId:int}", async Task<IResult> (int id, int attachmentId, AppDbContext db, ScopeAccessor s, EvidenceStore store,
                CancellationToken ct) =>
            {
                var a = await Nominations.AttachmentAsync(db, await s.GetAsync(ct), id, attachmentId, ct);
                return (a is null ? null : await store.ServeAsync(a.StorageName, EvidenceStore.ContentType(a.FileKind), a.FileKind == EvidenceKind.Pdf ? null : a.FileName, ct))
                    ?? Problems.NotFound();
            })
            .WithSummary("Tải một tài liệu của hồ sơ.");
        foreach (var action in new[] { "receive", "return", "forward" })
        {
            n.MapPost($"/{{id:int}}/{action}", async Task<IResult> (int id, StepInput input, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await StatusAsync(await Nominations.ActAsync(db, await s.GetAsync(ct), id, action, input.Reason, input.Version, clock, ct))))
                .WithSummary(action switch { "receive" => "Tiếp nhận hồ sơ.", "return" => "Trả lại hồ sơ, kèm lý do.", _ => "Trình hồ sơ lên cấp trên." }).Produces<StepTaken>();
        }

        var r = api.MapGroup("/nomination-rounds").WithTags("Commendation");
        r.MapGet("/", async (AppDbContext db, ScopeAccessor s, TimeProvider clock, int? limit, string? after, CancellationToken ct) =>
            TypedResults.Ok(await NominationRounds.ListAsync(db, await s.GetAsync(ct), ListPage.From(limit, after), clock, ct)))
            .WithSummary("Các đợt xét khen thưởng: hạn, số hồ sơ mỗi đơn vị, đơn vị đã gửi và đơn vị chậm.");
        r.MapGet("/{id:int}", async Task<IResult> (int id, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
            await NominationRounds.ViewAsync(db, await s.GetAsync(ct), id, clock, ct) is { } v ? TypedResults.Ok(v) : Problems.NotFound()).Produces<NominationRoundView>();
        r.MapPost("/", async Task<IResult> (NominationRoundInput input, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            CampaignsApi.Valid(input) ?? CreatedId.At("/api/v1/nomination-rounds", (await NominationRounds.OpenAsync(db, await s.GetAsync(ct), input, ct)).Id))
            .WithSummary("Mở đợt xét khen thưởng cho các đơn vị trực thuộc (hạn gửi, số hồ sơ mỗi đơn vị).").Produces<CreatedId>(StatusCodes.Status201Created);
    }

    private static Task<StepTaken> StatusAsync(Nomination x) => Task.FromResult(new StepTaken(x.Id, EnumKeys.Key(x.Status), x.Version));
}
