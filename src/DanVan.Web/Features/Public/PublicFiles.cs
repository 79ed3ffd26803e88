using System.Globalization;
using System.Text;
using System.Text.Json;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Public;

/// <summary>Anonymous files: public photos, open data (CSV, JSON), sitemap.xml and robots.txt.</summary>
public static class PublicFiles
{
    public sealed record OpenInitiative(int Id, string Name, string Field, string Kind, string Origin, string UnitCode, string Unit, string Province,
        string? Owner, DateOnly RegisteredOn, string HighestLevel, DateOnly? FirstRecognizedOn, string Url);

    // Vietnamese letters as themselves, not \u escapes, so the file reads well when opened.
    private static readonly JsonSerializerOptions ReadableJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    private static readonly string[] Entrances = ["/cong-khai", "/cong-khai/mo-hinh", "/cong-khai/du-lieu-mo"];

    public static void MapPublicFiles(this WebApplication app)
    {
        app.MapGet("/cong-khai/anh/{id:int}", async (int id, int? w, HttpContext http, AppDbContext db, EvidenceStore store, Results.Thumbnails thumbs, CancellationToken ct) =>
        {
            // A photo is public when it is marked so and its model is public.
            var file = await db.Set<EvidenceFile>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.Public, ct);
            var visible = file is not null && await db.ResultReports.AsNoTracking().Where(r => r.Id == file.ReportId)
                .Select(r => r.Initiative!).Visible().AnyAsync(ct);
            if (!visible || !EvidenceStore.IsImage(file!.Kind))
            {
                return Microsoft.AspNetCore.Http.Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=86400";
            if (w is > 0)
            {
                return await thumbs.PathAsync(file, w.Value, ct) is { } thumb
                    ? Microsoft.AspNetCore.Http.Results.File(thumb, "image/jpeg")
                    : Microsoft.AspNetCore.Http.Results.NotFound();
            }

            return await store.ServeAsync(file.StorageName, EvidenceStore.ContentType(file.Kind), null, ct) ?? Microsoft.AspNetCore.Http.Results.NotFound();
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/cong-khai/van-ban/{id:int}/tep", async (int id, AppDbContext db, EvidenceStore store, CancellationToken ct) =>
            (await Documents.MovementDocuments.FileAsync(db, null, id, ct) is { } d
                ? await store.ServeAsync(d.StorageName, EvidenceStore.ContentType(d.FileKind), d.FileKind == EvidenceKind.Pdf ? null : d.FileName, ct)
                : null) ?? Microsoft.AspNetCore.Http.Results.NotFound()).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/cong-khai/du-lieu-mo/mo-hinh.json", async (HttpContext http, [FromKeyedServices(ReadReplica.Key)] AppDbContext db, CancellationToken ct) =>
        {
            var rows = await OpenDataAsync(db, Base(http), ct);
            return TypedResults.Json(new { license = "CC BY 4.0", generated = DateTimeOffset.UtcNow, count = rows.Count, items = rows }, ReadableJson);
        }).AllowAnonymous().ExcludeFromDescription().CacheOutput(PublicCache.Policy);

        app.MapGet("/cong-khai/du-lieu-mo/mo-hinh.csv", async (HttpContext http, [FromKeyedServices(ReadReplica.Key)] AppDbContext db, CancellationToken ct) =>
        {
            var rows = await OpenDataAsync(db, Base(http), ct);
            var sb = new StringBuilder("id,name,field,kind,origin,unit_code,unit,province,owner,registered_on,highest_level,first_recognized_on,url\r\n");
            foreach (var r in rows)
            {
                sb.AppendJoin(',', new[]
                {
                    r.Id.ToString(CultureInfo.InvariantCulture), Csv(r.Name), r.Field, r.Kind, r.Origin, r.UnitCode, Csv(r.Unit), Csv(r.Province), Csv(r.Owner),
                    r.RegisteredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.HighestLevel,
                    r.FirstRecognizedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty, r.Url,
                }).Append("\r\n");
            }

            return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray(), "text/csv; charset=utf-8", "mo-hinh-dan-van-kheo.csv");
        }).AllowAnonymous().ExcludeFromDescription().CacheOutput(PublicCache.Policy);

        app.MapGet("/sitemap.xml", async (HttpContext http, [FromKeyedServices(ReadReplica.Key)] AppDbContext db, CancellationToken ct) =>
        {
            var b = Base(http);
            var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            foreach (var path in Entrances)
            {
                sb.Append("<url><loc>").Append(b).Append(path).Append("</loc></url>\n");
            }

            // The sitemap protocol allows 50,000 addresses per file; the most recent recognitions first.
            var items = await db.Initiatives.AsNoTracking().Visible().OrderByDescending(i => i.FirstRecognizedOn).Take(49_000)
                .Select(i => new { i.Id, i.Name, i.FirstRecognizedOn }).ToListAsync(ct);
            foreach (var i in items)
            {
                sb.Append("<url><loc>").Append(b).Append(CultureInfo.InvariantCulture, $"/cong-khai/mo-hinh/{i.Id}/{VietnameseText.Slug(i.Name)}").Append("</loc>");
                if (i.FirstRecognizedOn is { } d)
                {
                    sb.Append("<lastmod>").Append(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</lastmod>");
                }

                sb.Append("</url>\n");
            }

            sb.Append("</urlset>\n");
            return TypedResults.Text(sb.ToString(), "application/xml; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription().CacheOutput(PublicCache.Policy);

        app.MapGet("/robots.txt", (HttpContext http) =>
            TypedResults.Text($"User-agent: *\nAllow: /cong-khai\nDisallow: /api/\nDisallow: /Account/\nSitemap: {Base(http)}/sitemap.xml\n", "text/plain; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();
    }

    // Links in cached public files name the configured site, never the Host header of whoever filled the cache.
    private static string Base(HttpContext http) => http.RequestServices.GetRequiredService<SiteAddress>().Url;

    // RFC 4180 quoting, and a leading formula character neutralised so a spreadsheet never runs it.
    private static string Csv(string? s)
    {
        if (string.IsNullOrEmpty(s))
        {
            return string.Empty;
        }

        if (s[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            s = "'" + s;
        }

        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }

    public static async Task<List<OpenInitiative>> OpenDataAsync(AppDbContext db, string baseUrl, CancellationToken ct)
    {
        var provinces = await PublicQueries.ProvincesAsync(db, ct);
        var rows = await db.Initiatives.AsNoTracking().Visible().OrderBy(i => i.Id)
            .Select(i => new
            {
                i.Id, i.Name, i.Field, i.Kind, i.Origin, UnitCode = i.CurrentUnit!.Code, Unit = i.CurrentUnit.FullName, i.ScopePath,
                Org = i.OwnerOrganization != null ? i.OwnerOrganization.Name : null, i.OwnerName, i.OwnerConsentOn, i.RegisteredOn, i.HighestLevel, i.FirstRecognizedOn,
            })
            .ToListAsync(ct);
        return rows.Select(r => new OpenInitiative(r.Id, r.Name, Labels.Key(r.Field), EnumKeys.Key(r.Kind), EnumKeys.Key(r.Origin), r.UnitCode, r.Unit,
            provinces.GetValueOrDefault(PublicQueries.ProvincePath(r.ScopePath), string.Empty),
            r.Org ?? Initiative.PublicOwnerOf(r.Kind, r.OwnerName, r.OwnerConsentOn),
            r.RegisteredOn, EnumKeys.Key(r.HighestLevel!.Value), r.FirstRecognizedOn, $"{baseUrl}/cong-khai/mo-hinh/{r.Id}/{VietnameseText.Slug(r.Name)}")).ToList();
    }
}
