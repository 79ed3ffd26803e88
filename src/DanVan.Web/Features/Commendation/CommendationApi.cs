using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Campaigns;
using DanVan.Features.Reports;
using DanVan.Infrastructure;

namespace DanVan.Features.Commendation;

/// <summary>Nominations up the levels and award decisions, with the same commands and permissions as the pages.</summary>
public static class CommendationApi
{
    public sealed record StepInput(int Version, string? Reason);

    public static void MapCommendationApi(this RouteGroupBuilder api)
    {
        api.MapGet("/award-forms", async (AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            TypedResults.Ok((await Awards.FormsAsync(db, await s.GetAsync(ct), ct)).Select(f => new { f.Code, f.Name, f.Title, level = Summary.Levels[(int)f.Level], f.IssuingBody, countryWide = f.ScopePath == "/" })))
            .WithTags("Commendation").WithSummary("Danh mục hình thức khen thưởng theo cấp.");
        api.MapPut("/award-forms/{code}", async Task<IResult> (string code, AwardFormInput input, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            CampaignsApi.Valid(input) ?? TypedResults.Ok(new { (await Awards.EditFormAsync(db, await s.GetAsync(ct), code, input, ct)).Code }))
            .WithTags("Commendation").WithSummary("Sửa tên, chữ trên bằng, cơ quan ban hành của một hình thức (của cả nước: quản trị; của tỉnh: Thường trực tỉnh).");
        api.MapPost("/award-forms", async Task<IResult> (AwardFormInput input, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            CampaignsApi.Valid(input) ?? TypedResults.Created("/api/v1/award-forms", new { (await Awards.AddFormAsync(db, await s.GetAsync(ct), input, ct)).Code }))
            .WithTags("Commendation").WithSummary("Thêm hình thức khen thưởng: của cả nước (quản trị) hoặc của tỉnh (Thường trực Ban Chỉ đạo tỉnh, unitCode).");

        var n = api.MapGroup("/nominations").WithTags("Commendation");
        n.MapGet("/", async Task<IResult> (AppDbContext db, ScopeAccessor s, TimeProvider clock, string? status, CancellationToken ct) =>
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

            return TypedResults.Ok(await Nominations.ListAsync(db, await s.GetAsync(ct), filter, clock, ct));
        }).WithSummary("Hồ sơ đề nghị khen thưởng của đơn vị mình và hồ sơ cấp mình đang giữ; mỗi hồ sơ nói đang ở đâu, bao lâu.");
        n.MapGet("/{id:int}", async Task<IResult> (int id, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
            await Nominations.ViewAsync(db, await s.GetAsync(ct), id, clock, ct) is { } v ? TypedResults.Ok(v) : Problems.NotFound());
        n.MapPost("/", async Task<IResult> (NominationInput input, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
            CampaignsApi.Valid(input) ?? TypedResults.Created("/api/v1/nominations", new { (await Nominations.CreateAsync(db, await s.GetAsync(ct), input, clock, ct)).Id }))
            .WithSummary("Lập hồ sơ đề nghị khen thưởng (đang soạn).");
        n.MapPut("/{id:int}", async Task<IResult> (int id, NominationInput input, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            CampaignsApi.Valid(input) ?? TypedResults.Ok(new { (await Nominations.UpdateAsync(db, await s.GetAsync(ct), id, input, ct)).Version }))
            .WithSummary("Sửa hồ sơ đang soạn hoặc bị trả lại; gửi kèm version đã đọc.");
        n.MapPost("/{id:int}/submit", async Task<IResult> (int id, StepInput input, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(await StatusAsync(await Nominations.SubmitAsync(db, await s.GetAsync(ct), id, input.Version, clock, ct))))
            .WithSummary("Gửi hồ sơ lên cấp trên (hoặc gửi lại sau khi sửa).");
        n.MapPost("/{id:int}/attachments", async Task<IResult> (int id, HttpRequest request, AppDbContext db, ScopeAccessor s, Results.EvidenceStore store, TimeProvider clock,
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
                return TypedResults.Created($"/api/v1/nominations/{id}/attachments/{a.Id}", new { a.Id, a.FileName, kind = EnumKeys.Key(a.Kind), a.Size });
            })
            .DisableAntiforgery().WithSummary("Thêm tài liệu vào hồ sơ (tờ trình, báo cáo thành tích, biên bản họp; PDF, Word, Excel, ảnh).");
        n.MapGet("/{id:int}/attachments/{attachmentId:int}", async Task<IResult> (int id, int attachmentId, AppDbContext db, ScopeAccessor s, Results.EvidenceStore store,
                CancellationToken ct) =>
            {
                var a = await Nominations.AttachmentAsync(db, await s.GetAsync(ct), id, attachmentId, ct);
                return (a is null ? null : await store.ServeAsync(a.StorageName, Results.EvidenceStore.ContentType(a.FileKind), a.FileKind == EvidenceKind.Pdf ? null : a.FileName, ct))
                    ?? Problems.NotFound();
            })
            .WithSummary("Tải một tài liệu của hồ sơ.");
        foreach (var action in new[] { "receive", "return", "forward" })
        {
            n.MapPost($"/{{id:int}}/{action}", async Task<IResult> (int id, StepInput input, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await StatusAsync(await Nominations.ActAsync(db, await s.GetAsync(ct), id, action, input.Reason, input.Version, clock, ct))))
                .WithSummary(action switch { "receive" => "Tiếp nhận hồ sơ.", "return" => "Trả lại hồ sơ, kèm lý do.", _ => "Trình hồ sơ lên cấp trên." });
        }

        var r = api.MapGroup("/nomination-rounds").WithTags("Commendation");
        r.MapGet("/", async (AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(await NominationRounds.ListAsync(db, await s.GetAsync(ct), clock, ct)))
            .WithSummary("Các đợt xét khen thưởng: hạn, số hồ sơ mỗi đơn vị, đơn vị đã gửi và đơn vị chậm.");
        r.MapGet("/{id:int}", async Task<IResult> (int id, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
            await NominationRounds.ViewAsync(db, await s.GetAsync(ct), id, clock, ct) is { } v ? TypedResults.Ok(v) : Problems.NotFound());
        r.MapPost("/", async Task<IResult> (NominationRoundInput input, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            CampaignsApi.Valid(input) ?? TypedResults.Created("/api/v1/nomination-rounds", new { (await NominationRounds.OpenAsync(db, await s.GetAsync(ct), input, ct)).Id }))
            .WithSummary("Mở đợt xét khen thưởng cho các đơn vị trực thuộc (hạn gửi, số hồ sơ mỗi đơn vị).");

        var docs = api.MapGroup("/documents").WithTags("Commendation");
        docs.MapGet("/", async Task<IResult> (AppDbContext db, ScopeAccessor s, string? q, string? kind, int? year, string? governs, CancellationToken ct) =>
        {
            DocumentKind? k = null;
            if (!string.IsNullOrWhiteSpace(kind))
            {
                if (!EnumKeys.TryParse<DocumentKind>(kind, out var parsed))
                {
                    return Problems.Invalid("kind", "Loại văn bản: plan, directive, guidance, report, decision hoặc other.");
                }

                k = parsed;
            }

            return TypedResults.Ok(await MovementDocuments.SearchAsync(db, await s.GetAsync(ct), q, k, year, governs, ct));
        }).WithSummary("Văn bản của phong trào (kế hoạch, chỉ thị, hướng dẫn…): tìm theo chữ (có hoặc không dấu), loại, năm, đối tượng áp dụng.");
        docs.MapPost("/", async Task<IResult> (HttpRequest request, AppDbContext db, ScopeAccessor s, Results.EvidenceStore store, TimeProvider clock, CancellationToken ct) =>
        {
            var (file, form, problem) = await Uploads.ReadAsync(request, ct);
            if (problem is not null)
            {
                return problem;
            }

            var input = new DocumentInput
            {
                Kind = EnumKeys.TryParse<DocumentKind>(form!["kind"], out var k) ? k : null, Number = form["number"], Issuer = form["issuer"], Title = form["title"],
                IssuedOn = DateOnly.TryParseExact(form["issuedOn"].ToString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var on) ? on : null,
                UnitCode = string.IsNullOrWhiteSpace(form["unitCode"]) ? null : form["unitCode"].ToString(), IsPublic = bool.TryParse(form["isPublic"], out var p) && p,
                Governs = string.IsNullOrWhiteSpace(form["governs"]) ? null : form["governs"].ToString(),
            };
            if (CampaignsApi.Valid(input) is { } bad)
            {
                return bad;
            }

            var d = await MovementDocuments.AddAsync(db, await s.GetAsync(ct), store, input, file!, clock, ct);
            return TypedResults.Created($"/api/v1/documents/{d.Id}/file", new { d.Id });
        }).DisableAntiforgery().WithSummary("Lưu văn bản: kind, number, issuedOn (yyyy-MM-dd), issuer, title, unitCode, isPublic, governs và tệp.");
        docs.MapGet("/{id:int}/file", async Task<IResult> (int id, AppDbContext db, ScopeAccessor s, Results.EvidenceStore store, CancellationToken ct) =>
            (await MovementDocuments.FileAsync(db, await s.GetAsync(ct), id, ct) is { } d
                ? await store.ServeAsync(d.StorageName, Results.EvidenceStore.ContentType(d.FileKind), d.FileKind == EvidenceKind.Pdf ? null : d.FileName, ct)
                : null) ?? Problems.NotFound()).WithSummary("Tải tệp văn bản.");

        var insp = api.MapGroup("/inspections").WithTags("Commendation");
        insp.MapGet("/", async (AppDbContext db, ScopeAccessor s, TimeProvider clock, int? initiativeId, CancellationToken ct) =>
            TypedResults.Ok(await Inspections.ListAsync(db, await s.GetAsync(ct), initiativeId, clock, ct)))
            .WithSummary("Kiểm tra, giám sát trong phạm vi: lịch, kết quả, việc phải làm và việc quá hạn.");
        insp.MapPost("/", async Task<IResult> (InspectionInput input, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
            CampaignsApi.Valid(input) ?? TypedResults.Created("/api/v1/inspections", new { (await Inspections.PlanAsync(db, await s.GetAsync(ct), input, clock, ct)).Id }))
            .WithSummary("Lên lịch kiểm tra một đơn vị (hoặc một mô hình của đơn vị).");
        insp.MapPost("/{id:int}/visit", async Task<IResult> (int id, VisitInput input, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
            CampaignsApi.Valid(input) ?? TypedResults.Ok(new { (await Inspections.RecordVisitAsync(db, await s.GetAsync(ct), id, input, clock, ct)).Version }))
            .WithSummary("Ghi kết quả kiểm tra: ngày, kết quả, đánh giá (good, fair, average, weak), việc đơn vị phải làm và hạn.");
        insp.MapPost("/{id:int}/photos", async Task<IResult> (int id, HttpRequest request, AppDbContext db, ScopeAccessor s, Results.EvidenceStore store, TimeProvider clock,
                CancellationToken ct) =>
            {
                var (file, _, problem) = await Uploads.ReadAsync(request, ct);
                if (problem is not null)
                {
                    return problem;
                }

                var photo = await Inspections.AddPhotoAsync(db, await s.GetAsync(ct), store, id, file!, clock, ct);
                return TypedResults.Created($"/api/v1/inspections/{id}/photos/{photo.Id}", new { photo.Id, photo.FileName });
            })
            .DisableAntiforgery().WithSummary("Thêm ảnh của buổi kiểm tra.");
        insp.MapGet("/{id:int}/photos/{photoId:int}", async Task<IResult> (int id, int photoId, AppDbContext db, ScopeAccessor s, Results.EvidenceStore store, CancellationToken ct) =>
            {
                var p = await Inspections.PhotoAsync(db, await s.GetAsync(ct), id, photoId, ct);
                return (p is null ? null : await store.ServeAsync(p.StorageName, Results.EvidenceStore.ContentType(p.FileKind), null, ct)) ?? Problems.NotFound();
            })
            .WithSummary("Một ảnh của buổi kiểm tra.");
        insp.MapPost("/{id:int}/tasks/{taskId:int}/done", async Task<IResult> (int id, int taskId, StepInput input, AppDbContext db, ScopeAccessor s, TimeProvider clock,
                CancellationToken ct) =>
            {
                await Inspections.CompleteTaskAsync(db, await s.GetAsync(ct), id, taskId, input.Reason, clock, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Đơn vị báo đã làm xong một việc sau kiểm tra (reason: ghi chú).");

        var a = api.MapGroup("/awards").WithTags("Commendation");
        a.MapGet("/", async (AppDbContext db, ScopeAccessor s, string? number, int? year, string? form, CancellationToken ct) =>
            TypedResults.Ok(await Awards.RegisterAsync(db, await s.GetAsync(ct), number, year, form, ct)))
            .WithSummary("Sổ quyết định khen thưởng: tìm theo số, năm, hình thức.");
        a.MapGet("/{id:int}", async Task<IResult> (int id, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            await Awards.ViewAsync(db, await s.GetAsync(ct), id, ct) is { } v ? TypedResults.Ok(v) : Problems.NotFound());
        a.MapGet("/{id:int}/decision.docx", async Task<IResult> (int id, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            await Awards.ViewAsync(db, await s.GetAsync(ct), id, ct) is { } v
                ? TypedResults.File(Awards.Docx(v), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Exports.FileName("quyet-dinh-khen-thuong", "docx"))
                : Problems.NotFound());
        a.MapPost("/", async Task<IResult> (AwardInput input, AppDbContext db, ScopeAccessor s, TimeProvider clock, CancellationToken ct) =>
            CampaignsApi.Valid(input) ?? TypedResults.Created("/api/v1/awards", new { (await Awards.IssueAsync(db, await s.GetAsync(ct), input, clock, ct)).Id }))
            .WithSummary("Quyết định khen thưởng: hình thức, số, ngày, tập thể và cá nhân (hoặc hồ sơ đề nghị đã tiếp nhận); tất cả hoặc không.");
    }

    private static Task<object> StatusAsync(Nomination x) => Task.FromResult<object>(new { x.Id, status = EnumKeys.Key(x.Status), x.Version });
}
