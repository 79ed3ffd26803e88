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
        // The second half's bodies: unit reports, awards, nominations, inspections, documents.
        "period", "note", "indicator", "category", "unit", "formCode", "decidedOn", "recipients", "recipientName", "achievements", "plannedOn", "visitedOn",
        "inspectors", "findings", "purpose", "rating", "tasks", "governs", "issuedOn", "issuer",
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
        "\"２０２４\"", "\"٢٠٢٤\"", "\"२०२४-Q1\"", "\"initiative:１\"", // digits of other scripts
        "1e28", "5000000000000000000", "79228162514264337593543950335", // figures past any range, and decimal's largest
        "\"Nguy\u00ADe\u0302\u0303n\u2060\"", // decomposed marks with a soft hyphen and a word joiner inside
        "true", "[]", "{}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    ];

    /// <summary>Bodies that are not JSON objects at all.</summary>
    public static readonly string[] Broken = ["", "{", "{\"name\": ", "<xml/>", "null", "[1,2]", "\"text\"", "{\"name\":\"a\",}"];

    private static readonly string[] Stored =
        ["Initiatives", "Organizations", "Campaigns", "CriteriaSets", "Committees", "Appraisals", "RecognitionDecisions", "Recognitions", "Conferences", "ResultReports", "Awards",
            "UnitReports", "AwardDecisions", "Nominations", "Inspections", "MovementDocuments"];

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
            ["UnitReports"] = await db.UnitReports.CountAsync(), ["AwardDecisions"] = await db.AwardDecisions.CountAsync(), ["Nominations"] = await db.Nominations.CountAsync(),
            ["Inspections"] = await db.Inspections.CountAsync(), ["MovementDocuments"] = await db.MovementDocuments.CountAsync(),
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
            // These read no body (mark notifications read, approve a unit of measure), so any body is beside the point.
            .Where(r => r.Route is not "/api/v1/notifications/read" and not "/api/v1/measures/{id:int}/approve")
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
                var text = await response.Content.ReadAsStringAsync();
                if (status is < 400 or >= 500 || (status != 404 && type != "application/problem+json") || English(text))
                {
                    failures.Add($"{method} {url} ← {(body.Length > 60 ? body[..60] + "…" : body)}: {status} {type}{(English(text) ? " (English message)" : string.Empty)}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} answers were not a 4xx problem:\n" + string.Join("\n", failures.Take(40)));
        Assert.Equal(before, await CountsAsync());
    }

    /// <summary>.NET's own English wording of a validation or binding failure, decoded from JSON or HTML.</summary>
    private static bool English(string text)
    {
        string decoded;
        try
        {
            decoded = Strings(System.Text.Json.JsonDocument.Parse(text).RootElement);
        }
        catch (System.Text.Json.JsonException)
        {
            decoded = System.Net.WebUtility.HtmlDecode(text);
        }

        return new[] { "The field ", " is required", "must be a string", "is not valid", "The value '", "must be a number", "is invalid" }
            .Any(p => decoded.Contains(p, StringComparison.Ordinal));
    }

    private static string Strings(System.Text.Json.JsonElement e) => e.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => e.GetString()!,
        System.Text.Json.JsonValueKind.Object => string.Join(" ", e.EnumerateObject().Select(p => p.Name + " " + Strings(p.Value))),
        System.Text.Json.JsonValueKind.Array => string.Join(" ", e.EnumerateArray().Select(Strings)),
        _ => string.Empty,
    };

    /// <summary>Hostile form values: every page form's fields get each, posted with a real session and antiforgery token.</summary>
    private static readonly string[] FormValues =
    [
        new string('A', 100_000), "ab\0c\u0007d\u001b", "\u200b\u200b\ufeff", "<script>alert(1)</script>", "'; DROP TABLE \"Initiatives\"; --",
        "1e309", "-99999999999999999999999", "-1", "NaN", "2026-02-30", "0000-00-00", "31/12/99999", "true", string.Empty,
        "２０２４", "२०२४-Q1", "1e28", "79228162514264337593543950335", "Nguy\u00ADe\u0302\u0303n\u2060",
    ];

    // The names page forms use; each form binds the ones it knows.
    private static readonly string[] FormFields =
    [
        "Input.Name", "Input.UnitCode", "Input.Code", "Input.Field", "Input.Kind", "Input.Origin", "Input.OwnerName", "Input.RegisteredOn", "Input.Summary",
        "Input.Goals", "Input.Method", "Input.OpensOn", "Input.ClosesOn", "Input.Number", "Input.Date", "Input.Level", "Input.IssuingBody", "Input.Signer",
        "Input.InitiativeIds", "Input.CriteriaSetId", "Input.PassThreshold", "Input.Criteria[0].Name", "Input.Criteria[0].Weight", "Input.Criteria[0].MaxScore",
        "Input.TermFrom", "Input.TermTo", "Input.Reason", "Input.Decision", "Input.On", "Input.Version", "Input.Phase", "Input.CollectiveQuota",
        "Input.IndividualQuota", "Input.Title", "Input.InitiativeId", "Input.Address", "Input.Phone", "Input.Email", "Input.Contact", "Input.PeriodKind",
        "Input.PeriodStart", "Input.Narrative", "Input.Values[0].Indicator", "Input.Values[0].Value", "Input.ReplicatedFromId", "Input.OriginNote",
        "Input.CampaignId", "Input.UnitMap", "Input.OwnerConsentOn", "Input.HiddenFromPublic", "Reason", "Version", "Question", "Grant.Role", "Grant.UnitCode",
        "NewUser.Email", "NewUser.Password", "NewUser.FullName", "Conclusion.Outcome", "Conclusion.Text", "Score.Values[0]", "Province", "ConfirmSimilar",
        "Upload", "DryRun", "Lines", "Members", "Input.Period", "Input.Note", "Input.Inspectors", "Input.Findings", "Input.Purpose", "Input.PlannedOn",
        "Input.VisitedOn", "Input.Rating", "Input.FormCode", "Input.DecidedOn", "Input.Governs", "Input.RecipientName", "Input.Achievements",
    ];

    [Fact]
    public async Task EveryPageForm_RefusesEveryHostileValue_WithoutAServerError_AndStoresNothing()
    {
        var email = TestData.UniqueEmail();
        await app.CreateUserAsync(email, (Role.Admin, null));
        var web = await HtmlClient.SignedInAsync(app, email);
        var (_, page) = await web.GetAsync("/Initiatives/Edit");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        // The POST handlers of every staff page, from the route table; a person's own account pages (sign out, password,
        // tokens) are left out, their rules have their own tests.
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var pages = sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.OfType<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>().FirstOrDefault()))
            .Where(x => x.Page is not null && !x.Page.ViewEnginePath.StartsWith("/Account", StringComparison.Ordinal) && !x.Page.ViewEnginePath.StartsWith("/Public", StringComparison.Ordinal))
            .GroupBy(x => x.Page!.ViewEnginePath).Select(g => (Path: g.Key, Route: g.Select(x => "/" + (x.Endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/')).OrderByDescending(r => r.Length).First()))
            .ToList();
        var handlers = new List<(string Url, string Handler)>();
        foreach (var (path, route) in pages)
        {
            var type = typeof(Program).Assembly.GetType("DanVan.Features" + path.Replace('/', '.') + "Model");
            foreach (var m in type?.GetMethods().Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)) ?? [])
            {
                var name = m.Name["OnPost".Length..].Replace("Async", string.Empty, StringComparison.Ordinal);
                var url = route.Replace("{id:int?}", "1", StringComparison.Ordinal).Replace("{id:int}", "1", StringComparison.Ordinal).Replace("{id?}", "x", StringComparison.Ordinal);
                handlers.Add((url + (name.Length == 0 ? string.Empty : "?handler=" + name), name));
            }
        }

        Assert.True(handlers.Count >= 25, $"only {handlers.Count} page form handlers found");
        var before = await CountsAsync();
        var failures = new List<string>();
        var tried = 0;
        foreach (var (url, _) in handlers)
        {
            foreach (var value in FormValues)
            {
                var fields = FormFields.Select(f => new KeyValuePair<string, string>(f, value)).Append(new("__RequestVerificationToken", token));
                var response = await web.Http.PostAsync(url, new FormUrlEncodedContent(fields));
                tried++;
                var text = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500 || English(text))
                {
                    failures.Add($"POST {url} ← {(value.Length > 30 ? value[..30] + "…" : value)}: {(int)response.StatusCode}{(English(text) ? " (English message)" : string.Empty)}");
                }
            }

            // Malformed UTF-8 (a lone surrogate's bytes) in every field.
            var raw = string.Join('&', FormFields.Select(f => Uri.EscapeDataString(f) + "=%ED%A0%80x")) + "&__RequestVerificationToken=" + Uri.EscapeDataString(token);
            var broken = await web.Http.PostAsync(url, new StringContent(raw, Encoding.ASCII, "application/x-www-form-urlencoded"));
            tried++;
            if ((int)broken.StatusCode >= 500)
            {
                failures.Add($"POST {url} ← malformed UTF-8: {(int)broken.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} page posts failed:\n" + string.Join("\n", failures.Take(40)));
        Assert.Equal(before, await CountsAsync());
    }
}
