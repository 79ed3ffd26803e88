using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Campaigns;
using DanVan.Features.Reports;
using DanVan.Infrastructure;

namespace DanVan.Features.Documents;

/// <summary>The movement's documents, with the same commands and permissions as the page.</summary>
public static class DocumentsApi
{
    public static void MapDocumentsApi(this RouteGroupBuilder api)
    {
        var docs = api.MapGroup("/documents").WithTags("Commendation");
        docs.MapGet("/", async Task<IResult> (AppDbContext db, ScopeAccessor s, string? q, string? kind, int? year, string? governs, int? limit, string? after, CancellationToken ct) =>
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

            return TypedResults.Ok(await MovementDocuments.SearchAsync(db, await s.GetAsync(ct), q, k, year, governs, ListPage.From(limit, after), ct));
        }).WithSummary("Văn bản của phong trào (kế hoạch, chỉ thị, hướng dẫn…), ngày ban hành muộn nhất trước: tìm theo chữ (có hoặc không dấu), loại, năm, đối tượng áp dụng.")
            .Produces<Page<DocumentView>>();
        docs.MapGet("/{id:int}", async Task<IResult> (int id, AppDbContext db, ScopeAccessor s, CancellationToken ct) =>
            (await MovementDocuments.SearchAsync(db, await s.GetAsync(ct), null, null, null, null, ListPage.First(1), ct, id)).Items is [var d] ? TypedResults.Ok(d) : Problems.NotFound())
            .WithSummary("Một văn bản: số, ngày, cơ quan ban hành, trích yếu, tệp.").Produces<DocumentView>();
        docs.MapPost("/", async Task<IResult> (HttpRequest request, AppDbContext db, ScopeAccessor s, EvidenceStore store, TimeProvider clock, CancellationToken ct) =>
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
            return CreatedId.At("/api/v1/documents", d.Id);
        }).DisableAntiforgery().WithSummary("Lưu văn bản: kind, number, issuedOn (yyyy-MM-dd), issuer, title, unitCode, isPublic, governs và tệp.").Produces<CreatedId>(StatusCodes.Status201Created);
        docs.MapGet("/{id:int}/file", async Task<IResult> (int id, AppDbContext db, ScopeAccessor s, EvidenceStore store, CancellationToken ct) =>
            (await MovementDocuments.FileAsync(db, await s.GetAsync(ct), id, ct) is { } d
                ? await store.ServeAsync(d.StorageName, EvidenceStore.ContentType(d.FileKind), d.FileKind == EvidenceKind.Pdf ? null : d.FileName, ct)
                : null) ?? Problems.NotFound()).WithSummary("Tải tệp văn bản.");
    }
}
