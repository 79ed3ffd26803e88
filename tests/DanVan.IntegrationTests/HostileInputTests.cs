using System.Net;
using System.Text;
using DanVan.Data;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

/// <summary>
/// Every JSON route of the API (from the app's own route table) gets every hostile body, as the country's administrator
/// against real records: each answer is a 4xx problem document, never a 5xx, and nothing is stored.
/// </summary>
[Collection(AppCollection.Name)]
public class HostileInputTests(DanVanFactory app)
{
    // The fields the API's bodies use, each given the same hostile value, so every route meets it in its own fields.
    private static readonly string[] Fields =
    [
        "name", "unitCode", "code", "registeredOn", "field", "kind", "origin", "ownerName", "summary", "goals", "method", "date", "number", "level",
        "issuingBody", "signer", "initiativeIds", "memberEmails", "criteriaSetId", "opensOn", "closesOn", "periodKind", "periodStart", "narrative",
        "values", "phase", "collectiveQuota", "individualQuota", "termFrom", "termTo", "passThreshold", "criteria", "scores", "reason", "conclusion",
        "outcome", "decision", "version", "retiredOn", "kindOfOrganization", "address", "phone", "email", "title", "targets", "ids",
    ];

    /// <summary>Hostile JSON values, as raw JSON text.</summary>
    public static readonly string[] Values =
    [
        "\"" + new string('A', 100_000) + "\"", // far past every length limit
        "\"ab\\u0000c\\u0007d\\u001b\"", // control characters
        "\"\\u200b\\u200b\\ufeff\"", // only zero-width characters
        "\"\\ud800x\"", // a lone surrogate: malformed Unicode
        "\"<script>alert(1)</script>\"",
        "\"'; DROP TABLE \\\"Initiatives\\\"; --\"",
        "1e309", "-1e309", "-99999999999999999999999", "-1", "0",
        "\"NaN\"", "\"Infinity\"",
        "\"2026-02-30\"", "\"0000-00-00\"", "\"31/12/99999\"",
        "true", "[]", "{}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    ];

    /// <summary>Bodies that are not JSON objects at all.</summary>
    public static readonly string[] Broken = ["", "{", "{\"name\": ", "<xml/>", "null", "[1,2]", "\"text\"", "{\"name\":\"a\",}"];

    private static readonly string[] Stored =
        ["Initiatives", "Organizations", "Campaigns", "CriteriaSets", "Committees", "Appraisals", "RecognitionDecisions", "Recognitions", "Conferences", "ResultReports", "Awards"];

    private async Task<Dictionary<string, int>> CountsAsync()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return new Dictionary<string, int>
        {
            ["Initiatives"] = await db.Initiatives.CountAsync(), ["Organizations"] = await db.Organizations.CountAsync(),
            ["Campaigns"] = await db.Campaigns.CountAsync(), ["CriteriaSets"] = await db.CriteriaSets.CountAsync(),
            ["Committees"] = await db.Committees.CountAsync(), ["Appraisals"] = await db.Appraisals.CountAsync(),
            ["RecognitionDecisions"] = await db.RecognitionDecisions.CountAsync(), ["Recognitions"] = await db.Recognitions.CountAsync(),
            ["Conferences"] = await db.Conferences.CountAsync(), ["ResultReports"] = await db.ResultReports.CountAsync(), ["Awards"] = await db.Awards.CountAsync(),
        };
    }

    [Fact]
    public async Task EveryJsonRoute_RefusesEveryHostileBody_WithAProblem_AndStoresNothing()
    {
        var api = await app.ApiClientAsync((Role.Admin, null));
        var officer = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var id = await TestData.CreateInitiativeAsync(officer, TestData.ThaiHoa, TestData.Unique("Đích thử"));
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var routes = sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => (Route: "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(r => r.Route.StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(r => r.Methods.Where(m => m is "POST" or "PUT").Select(m => (Method: m, r.Route)))
            // Uploads take files, not JSON: tested with hostile files in ImportTests, ResultsTests and the file detector's tests.
            .Where(r => r.Route is not "/api/v1/imports/" and not "/api/v1/results/{reportId:int}/evidence")
            // Marks the caller's notifications read: it reads no body, so any body is beside the point.
            .Where(r => r.Route is not "/api/v1/notifications/read")
            .Distinct().ToList();
        Assert.True(routes.Count >= 24, $"only {routes.Count} JSON routes found");

        var bodies = Values.Select(v => "{" + string.Join(",", Fields.Select(f => $"\"{f}\":{v}")) + "}").Concat(Broken).ToList();
        var before = await CountsAsync();
        var tried = 0;
        var failures = new List<string>();
        foreach (var (method, route) in routes)
        {
            var url = route.Replace("{id:int}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{reportId:int}", "1", StringComparison.Ordinal).Replace("{itemId:int}", "1", StringComparison.Ordinal).TrimEnd('/');
            foreach (var body in bodies)
            {
                var response = await api.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
                tried++;
                var status = (int)response.StatusCode;
                var type = response.Content.Headers.ContentType?.MediaType;
                if (status is < 400 or >= 500 || (status != 404 && type != "application/problem+json"))
                {
                    failures.Add($"{method} {url} ← {(body.Length > 60 ? body[..60] + "…" : body)}: {status} {type}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} answers were not a 4xx problem:\n" + string.Join("\n", failures.Take(40)));
        Assert.Equal(before, await CountsAsync());
    }
}
