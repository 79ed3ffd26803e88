using System.Net;
using System.Net.Http.Json;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using DanVan.Infrastructure;

namespace DanVan.IntegrationTests;

/// <summary>
/// Generated from the app's own route table: every route must be listed here with who may reach it,
/// and every route is tried anonymously and, where it names a record, by an officer of another commune.
/// A new route without an entry fails <see cref="EveryRoute_HasAnExpectedAccess"/>.
/// </summary>
[Collection(AppCollection.Name)]
public class AccessMatrixTests(DanVanFactory app)
{
    public enum Access
    {
        /// <summary>Anyone, signed in or not.</summary>
        Public,

        /// <summary>Any signed-in user (the answer is then filtered by scope).</summary>
        SignedIn,
    }

    // "METHOD route" → access. Pages answer GET and POST; handlers share their page's route.
    private static readonly Dictionary<string, Access> Expected = new()
    {
        ["* /healthz"] = Access.Public,
        ["GET /api-reference/{documentName?}"] = Access.Public,
        ["GET /api-reference/scalar.js"] = Access.Public,
        ["GET /api-reference/scalar.aspnetcore.js"] = Access.Public,
        ["GET /api-reference/favicon.svg"] = Access.Public,
        ["* /healthz/live"] = Access.Public,
        ["* /healthz/ready"] = Access.Public,
        ["GET /openapi/{documentName}.json"] = Access.Public,
        ["POST /culture"] = Access.Public,
        ["* /api/{**rest}"] = Access.Public,
        ["PAGE /Index"] = Access.Public,
        ["PAGE /Error"] = Access.Public,
        ["GET /favicon.ico"] = Access.Public,
        ["PAGE /Account/Login"] = Access.Public,
        ["PAGE /Account/LoginWith2fa"] = Access.Public,
        ["PAGE /Account/ForgotPassword"] = Access.Public,
        ["PAGE /Account/ResetPassword"] = Access.Public,
        ["PAGE /Account/Logout"] = Access.Public,
        ["PAGE /Account/Denied"] = Access.Public,
        ["PAGE /Units/Index"] = Access.Public,
        ["PAGE /Units/Detail"] = Access.Public,
        ["PAGE /Account/Manage/Index"] = Access.SignedIn,
        ["PAGE /Account/Manage/TwoFactor"] = Access.SignedIn,
        ["PAGE /Account/Manage/Tokens"] = Access.SignedIn,
        ["PAGE /Initiatives/Index"] = Access.SignedIn,
        ["PAGE /Initiatives/Edit"] = Access.SignedIn,
        ["PAGE /Initiatives/Detail"] = Access.SignedIn,
        ["PAGE /Organizations/Index"] = Access.SignedIn,
        ["PAGE /Organizations/Edit"] = Access.SignedIn,
        ["PAGE /Admin/Users/Index"] = Access.SignedIn,
        ["PAGE /Admin/Users/Edit"] = Access.SignedIn,
        ["GET /api/v1/units/"] = Access.SignedIn,
        ["GET /api/v1/units/{map:int}/{code}"] = Access.SignedIn,
        ["GET /api/v1/units/search"] = Access.SignedIn,
        ["GET /api/v1/indicators/"] = Access.SignedIn,
        ["POST /api/v1/indicators/"] = Access.SignedIn,
        ["GET /api/v1/unit-reports/"] = Access.SignedIn,
        ["GET /api/v1/unit-reports/{unitCode}/{period}"] = Access.SignedIn,
        ["POST /api/v1/unit-reports/"] = Access.SignedIn,
        ["GET /api/v1/initiatives/"] = Access.SignedIn,
        ["GET /api/v1/initiatives/{id:int}"] = Access.SignedIn,
        ["GET /api/v1/initiatives/{id:int}/audit"] = Access.SignedIn,
        ["POST /api/v1/initiatives/"] = Access.SignedIn,
        ["PUT /api/v1/initiatives/{id:int}"] = Access.SignedIn,
        ["GET /api/v1/organizations/"] = Access.SignedIn,
        ["GET /api/v1/organizations/{id:int}"] = Access.SignedIn,
        ["POST /api/v1/organizations/"] = Access.SignedIn,
        ["PUT /api/v1/organizations/{id:int}"] = Access.SignedIn,
        ["GET /api/v1/me"] = Access.SignedIn,
        ["GET /api/v1/me/tasks"] = Access.SignedIn,
        ["GET /api/v1/reports/summary"] = Access.SignedIn,
        ["GET /api/v1/reports/sources"] = Access.SignedIn,
        ["GET /api/v1/award-forms"] = Access.SignedIn,
        ["POST /api/v1/award-forms"] = Access.SignedIn,
        ["PUT /api/v1/award-forms/{code}"] = Access.SignedIn,
        ["GET /api/v1/nominations/"] = Access.SignedIn,
        ["GET /api/v1/nominations/{id:int}"] = Access.SignedIn,
        ["POST /api/v1/nominations/"] = Access.SignedIn,
        ["PUT /api/v1/nominations/{id:int}"] = Access.SignedIn,
        ["POST /api/v1/nominations/{id:int}/submit"] = Access.SignedIn,
        ["POST /api/v1/nominations/{id:int}/receive"] = Access.SignedIn,
        ["POST /api/v1/nominations/{id:int}/return"] = Access.SignedIn,
        ["POST /api/v1/nominations/{id:int}/forward"] = Access.SignedIn,
        ["POST /api/v1/nominations/{id:int}/attachments"] = Access.SignedIn,
        ["GET /api/v1/nominations/{id:int}/attachments/{attachmentId:int}"] = Access.SignedIn,
        ["GET /api/v1/awards/"] = Access.SignedIn,
        ["GET /api/v1/awards/{id:int}"] = Access.SignedIn,
        ["GET /api/v1/awards/{id:int}/decision.docx"] = Access.SignedIn,
        ["POST /api/v1/awards/"] = Access.SignedIn,
        ["PAGE /Reports/Index"] = Access.SignedIn,
        ["PAGE /Reports/Document"] = Access.SignedIn,
        ["PAGE /Reports/Sources"] = Access.SignedIn,
        ["PAGE /Nominations/Index"] = Access.SignedIn,
        ["PAGE /Nominations/Edit"] = Access.SignedIn,
        ["PAGE /Nominations/Detail"] = Access.SignedIn,
        ["PAGE /Nominations/Rounds"] = Access.SignedIn,
        ["PAGE /Documents/Index"] = Access.SignedIn,
        ["PAGE /Inspections/Index"] = Access.SignedIn,
        ["PAGE /Inspections/Minutes"] = Access.SignedIn,
        ["GET /api/v1/inspections/"] = Access.SignedIn,
        ["POST /api/v1/inspections/"] = Access.SignedIn,
        ["POST /api/v1/inspections/{id:int}/visit"] = Access.SignedIn,
        ["POST /api/v1/inspections/{id:int}/photos"] = Access.SignedIn,
        ["GET /api/v1/inspections/{id:int}/photos/{photoId:int}"] = Access.SignedIn,
        ["POST /api/v1/inspections/{id:int}/tasks/{taskId:int}/done"] = Access.SignedIn,
        ["GET /api/v1/documents/"] = Access.SignedIn,
        ["POST /api/v1/documents/"] = Access.SignedIn,
        ["GET /api/v1/documents/{id:int}/file"] = Access.SignedIn,
        ["GET /api/v1/documents/{id:int}"] = Access.SignedIn,
        ["GET /api/v1/inspections/{id:int}"] = Access.SignedIn,
        ["GET /api/v1/committees/{id:int}"] = Access.SignedIn,
        ["GET /api/v1/indicators/{code}"] = Access.SignedIn,
        ["GET /api/v1/award-forms/{code}"] = Access.SignedIn,
        ["GET /api/v1/nomination-rounds/"] = Access.SignedIn,
        ["GET /api/v1/nomination-rounds/{id:int}"] = Access.SignedIn,
        ["POST /api/v1/nomination-rounds/"] = Access.SignedIn,
        ["PAGE /Awards/Index"] = Access.SignedIn,
        ["PAGE /Awards/New"] = Access.SignedIn,
        ["PAGE /Awards/Detail"] = Access.SignedIn,
        ["PAGE /Awards/Certificates"] = Access.SignedIn,
        ["PAGE /Awards/Import"] = Access.SignedIn,
        ["PAGE /Imports/Index"] = Access.SignedIn,
        ["GET /api/v1/imports/template.xlsx"] = Access.SignedIn,
        ["POST /api/v1/imports/"] = Access.SignedIn,
        ["POST /api/v1/imports/results"] = Access.SignedIn,
        ["GET /api/v1/imports/{id:int}"] = Access.SignedIn,
        ["GET /api/v1/reports/summary.xlsx"] = Access.SignedIn,
        ["POST /api/v1/reports/document"] = Access.SignedIn,
        ["GET /api/v1/initiatives/export.xlsx"] = Access.SignedIn,
        ["GET /api/v1/review"] = Access.SignedIn,
        ["GET /api/v1/campaigns/"] = Access.SignedIn,
        ["GET /api/v1/campaigns/{id:int}"] = Access.SignedIn,
        ["POST /api/v1/campaigns/"] = Access.SignedIn,
        ["PUT /api/v1/campaigns/{id:int}"] = Access.SignedIn,
        ["GET /api/v1/criteria-sets/"] = Access.SignedIn,
        ["GET /api/v1/criteria-sets/{id:int}"] = Access.SignedIn,
        ["POST /api/v1/criteria-sets/"] = Access.SignedIn,
        ["PUT /api/v1/criteria-sets/{id:int}"] = Access.SignedIn,
        ["GET /api/v1/committees/"] = Access.SignedIn,
        ["POST /api/v1/committees/"] = Access.SignedIn,
        ["PUT /api/v1/committees/{id:int}"] = Access.SignedIn,
        ["GET /api/v1/committees/teams"] = Access.SignedIn,
        ["POST /api/v1/committees/teams"] = Access.SignedIn,
        ["GET /api/v1/measures"] = Access.SignedIn,
        ["GET /api/v1/measures/proposals"] = Access.SignedIn,
        ["POST /api/v1/measures/{id:int}/approve"] = Access.SignedIn,
        ["GET /api/v1/initiatives/{id:int}/results"] = Access.SignedIn,
        ["POST /api/v1/initiatives/{id:int}/results"] = Access.SignedIn,
        ["PUT /api/v1/initiatives/{id:int}/results/{reportId:int}"] = Access.SignedIn,
        ["POST /api/v1/results/{reportId:int}/evidence"] = Access.SignedIn,
        ["GET /api/v1/evidence/{id:int}"] = Access.SignedIn,
        ["GET /api/v1/appraisals/"] = Access.SignedIn,
        ["GET /api/v1/appraisals/{id:int}"] = Access.SignedIn,
        ["POST /api/v1/appraisals/"] = Access.SignedIn,
        ["PUT /api/v1/appraisals/{id:int}/items/{itemId:int}/scores"] = Access.SignedIn,
        ["POST /api/v1/appraisals/{id:int}/items/{itemId:int}/recusal"] = Access.SignedIn,
        ["PUT /api/v1/appraisals/{id:int}/items/{itemId:int}/conclusion"] = Access.SignedIn,
        ["POST /api/v1/appraisals/{id:int}/close"] = Access.SignedIn,
        ["GET /api/v1/recognitions/"] = Access.SignedIn,
        ["GET /api/v1/recognitions/{id:int}"] = Access.SignedIn,
        ["POST /api/v1/recognitions/"] = Access.SignedIn,
        ["GET /api/v1/initiatives/{id:int}/recognitions"] = Access.SignedIn,
        ["POST /api/v1/initiatives/{id:int}/replications"] = Access.SignedIn,
        ["GET /api/v1/initiatives/{id:int}/replications"] = Access.SignedIn,
        ["POST /api/v1/initiatives/{id:int}/review"] = Access.SignedIn,
        ["GET /api/v1/conferences/"] = Access.SignedIn,
        ["GET /api/v1/conferences/{id:int}"] = Access.SignedIn,
        ["GET /api/v1/conferences/{id:int}/shortlist"] = Access.SignedIn,
        ["POST /api/v1/conferences/"] = Access.SignedIn,
        ["POST /api/v1/conferences/{id:int}/awards"] = Access.SignedIn,
        ["GET /api/v1/notifications/"] = Access.SignedIn,
        ["GET /api/v1/personal-data/"] = Access.SignedIn,
        ["POST /api/v1/personal-data/erase"] = Access.SignedIn,
        ["POST /api/v1/notifications/read"] = Access.SignedIn,
        ["PAGE /Appraisals/Detail"] = Access.SignedIn,
        ["PAGE /Appraisals/Index"] = Access.SignedIn,
        ["PAGE /Appraisals/New"] = Access.SignedIn,
        ["PAGE /Campaigns/Detail"] = Access.SignedIn,
        ["PAGE /Campaigns/Edit"] = Access.SignedIn,
        ["PAGE /Campaigns/Index"] = Access.SignedIn,
        ["PAGE /Committees/Index"] = Access.SignedIn,
        ["PAGE /Conferences/Detail"] = Access.SignedIn,
        ["PAGE /Conferences/Index"] = Access.SignedIn,
        ["PAGE /Criteria/Edit"] = Access.SignedIn,
        ["PAGE /Criteria/Index"] = Access.SignedIn,
        ["PAGE /Initiatives/Replicate"] = Access.SignedIn,
        ["PAGE /Notifications/Index"] = Access.SignedIn,
        ["PAGE /Recognition/Decision"] = Access.SignedIn,
        ["PAGE /Recognition/New"] = Access.SignedIn,
        ["PAGE /Recognition/Index"] = Access.SignedIn,
        ["PAGE /Results/Edit"] = Access.SignedIn,
        ["PAGE /Review/Index"] = Access.SignedIn,
        ["PAGE /UnitReports/Index"] = Access.SignedIn,
        ["PAGE /UnitReports/Edit"] = Access.SignedIn,
        ["PAGE /UnitReports/Import"] = Access.SignedIn,
        ["PAGE /Feedback/Index"] = Access.SignedIn,
        ["PAGE /Surveys/Index"] = Access.SignedIn,
        ["PAGE /Surveys/Poster"] = Access.SignedIn,
        // The public site: what it shows is limited by the records themselves (recognised, not hidden), tested apart.
        ["PAGE /Public/Home"] = Access.Public,
        ["PAGE /Public/Search"] = Access.Public,
        ["PAGE /Public/Initiative"] = Access.Public,
        ["PAGE /Public/Comment"] = Access.Public,
        ["PAGE /Public/Survey"] = Access.Public,
        ["PAGE /Public/Organization"] = Access.Public,
        ["PAGE /Public/OpenData"] = Access.Public,
        ["PAGE /Public/Documents"] = Access.Public,
        ["GET /cong-khai/van-ban/{id:int}/tep"] = Access.Public,
        ["GET /cong-khai/anh/{id:int}"] = Access.Public,
        ["GET /cong-khai/du-lieu-mo/mo-hinh.json"] = Access.Public,
        ["GET /cong-khai/du-lieu-mo/mo-hinh.csv"] = Access.Public,
        ["GET /sitemap.xml"] = Access.Public,
        ["GET /robots.txt"] = Access.Public,
    };

    /// <summary>Recognised models are public practice that anyone may copy (journey 8): for these routes the
    /// other province's record used is one that is not recognised.</summary>
    private static readonly HashSet<string> OpenOnceRecognised =
    [
        "POST /api/v1/initiatives/{id:int}/replications", "GET /api/v1/initiatives/{id:int}/replications", "PAGE /Initiatives/Replicate",
    ];

    private List<(string Key, string Method, string Route)> Routes()
    {
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var list = new List<(string, string, string)>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            var page = endpoint.Metadata.OfType<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>().FirstOrDefault();
            if (page is not null)
            {
                list.Add(($"PAGE {page.ViewEnginePath}", "GET", route));
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
            foreach (var m in methods)
            {
                list.Add(($"{m} {route}", m, route));
            }
        }

        return list.DistinctBy(r => r.Item1 + r.Item3).ToList();
    }

    [Fact]
    public void EveryRoute_HasAnExpectedAccess()
    {
        var missing = Routes().Select(r => r.Key).Distinct().Where(k => !Expected.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Routes without an access entry: " + string.Join(", ", missing));
        var stale = Expected.Keys.Except(Routes().Select(r => r.Key)).ToList();
        Assert.True(stale.Count == 0, "Entries for routes that no longer exist: " + string.Join(", ", stale));
    }

    /// <summary>
    /// Each role, granted inside Nghệ An, tries each kind of write in its own area with a valid body: only the roles that
    /// hold the power may (officer: records of its commune; secretariat: also rounds, criteria, committees, conferences,
    /// personal-data requests, the review and recognition up to its province); viewers and appraisers write nothing, and
    /// no one below a country-wide grant recognises nationally. The table itself is <c>Permissions</c>; its unit test
    /// checks every operation × role × own area / another province.
    /// </summary>
    [Fact]
    public async Task EachRole_InItsOwnArea_WritesOnlyWhatItsRoleAllows()
    {
        var roles = new[] { (Role.Viewer, TestData.NgheAn), (Role.Appraiser, TestData.NgheAn), (Role.Officer, TestData.ThaiHoa), (Role.Secretariat, TestData.NgheAn) };
        var owner = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        async Task<int> Fresh() => await TestData.CreateInitiativeAsync(owner, TestData.ThaiHoa);
        object Decision(string unit, string level, int id) => new { unitCode = unit, number = "QĐ-" + Guid.NewGuid().ToString("N")[..6], date = "2026-10-01", level, issuingBody = "BCĐ", initiativeIds = new[] { id } };
        var actions = new (string Name, Func<HttpClient, Task<HttpResponseMessage>> Call, Role[] Allowed)[]
        {
            ("register an initiative", c => c.PostAsJsonAsync("/api/v1/initiatives", TestData.NewInitiative(TestData.ThaiHoa)), [Role.Officer, Role.Secretariat]),
            ("add an organisation", c => c.PostAsJsonAsync("/api/v1/organizations", new { name = TestData.Unique("Tổ chức"), kind = "police", unitCode = TestData.ThaiHoa }), [Role.Officer, Role.Secretariat]),
            ("open a round", c => c.PostAsJsonAsync("/api/v1/campaigns", new { name = TestData.Unique("Đợt"), unitCode = TestData.NgheAn, opensOn = "2026-01-01", closesOn = "2026-12-31" }), [Role.Secretariat]),
            ("set criteria", c => c.PostAsJsonAsync("/api/v1/criteria-sets", TestData.Criteria(TestData.NgheAn)), [Role.Secretariat]),
            ("form a committee", c => c.PostAsJsonAsync("/api/v1/committees", new { name = TestData.Unique("BCĐ"), unitCode = TestData.NgheAn, termFrom = 2025, termTo = 2030 }), [Role.Secretariat]),
            ("call a conference", c => c.PostAsJsonAsync("/api/v1/conferences", new { name = TestData.Unique("Hội nghị"), unitCode = TestData.NgheAn, level = "province", date = "2026-11-01", phase = "2021-2025", collectiveQuota = 1, individualQuota = 1 }), [Role.Secretariat]),
            ("export a person's data", c => c.GetAsync("/api/v1/personal-data?name=" + Uri.EscapeDataString("Lò Văn An")), [Role.Secretariat]),
            ("retire a model at review", async c => await c.PostAsJsonAsync($"/api/v1/initiatives/{await Fresh()}/review", new { decision = "retire", reason = "Hình thức", on = "2026-06-01" }), [Role.Secretariat]),
            ("recognise at commune level", async c => await c.PostAsJsonAsync("/api/v1/recognitions", Decision(TestData.ThaiHoa, "commune", await Fresh())), [Role.Secretariat]),
            ("recognise at province level", async c => await c.PostAsJsonAsync("/api/v1/recognitions", Decision(TestData.NgheAn, "province", await Fresh())), [Role.Secretariat]),
            ("recognise nationally", async c => await c.PostAsJsonAsync("/api/v1/recognitions", Decision(TestData.NgheAn, "national", await Fresh())), []),
        };
        var outcomes = new List<string>();
        foreach (var (role, unit) in roles)
        {
            var client = await app.ApiClientAsync((role, unit));
            foreach (var (name, call, allowed) in actions)
            {
                var status = (int)(await call(client)).StatusCode;
                var ok = allowed.Contains(role) ? status is 200 or 201 or 204 : status is 403 or 404;
                if (!ok)
                {
                    outcomes.Add($"{role} → {name}: {status}");
                }
            }
        }

        Assert.True(outcomes.Count == 0, "Unexpected answers: " + string.Join("; ", outcomes));
    }

    [Fact]
    public async Task Anonymous_ReachesOnlyPublicRoutes()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var tried = 0;
        foreach (var (key, method, route) in Routes().Where(r => Expected[r.Key] == Access.SignedIn))
        {
            var url = Concrete(route, id: "1");
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
            {
                Content = method is "POST" or "PUT" ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json") : null,
            });
            tried++;
            if (url.StartsWith("/api/", StringComparison.Ordinal))
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{key}: {(int)response.StatusCode}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/Login", StringComparison.Ordinal),
                    $"{key}: {(int)response.StatusCode}");
            }
        }

        Assert.True(tried >= 20, $"only {tried} routes tried");
    }

    /// <summary>Province B (Nghệ An): one record of every kind, a secret word in each, and an account of its own.</summary>
    private sealed record OtherProvince(string Secret, int InitiativeId, int UnrecognisedId, Dictionary<string, int> Ids, AppUser UserB, HttpClient OfficerB);

    private async Task<OtherProvince> OtherProvinceAsync()
    {
        var officerB = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var secretariatB = await app.ApiClientAsync((Role.Secretariat, TestData.NgheAn));
        var secret = TestData.Unique("Bí mật của phường B");
        var initiativeId = await TestData.CreateInitiativeAsync(officerB, TestData.ThaiHoa, secret, registeredOn: "2025-09-01");
        var ids = new Dictionary<string, int>
        {
            ["initiative"] = initiativeId,
            ["organization"] = await TestData.IdOfAsync(await officerB.PostAsJsonAsync("/api/v1/organizations", new { name = TestData.Unique("Tổ chức của B"), kind = "police", unitCode = TestData.ThaiHoa })),
            ["criteria"] = await TestData.IdOfAsync(await secretariatB.PostAsJsonAsync("/api/v1/criteria-sets", TestData.Criteria(TestData.NgheAn))),
            ["campaign"] = await TestData.IdOfAsync(await secretariatB.PostAsJsonAsync("/api/v1/campaigns", new { name = TestData.Unique("Đợt của B"), unitCode = TestData.NgheAn, opensOn = "2026-01-01", closesOn = "2026-12-31" })),
            ["conference"] = await TestData.IdOfAsync(await secretariatB.PostAsJsonAsync("/api/v1/conferences", new { name = TestData.Unique("Hội nghị B"), unitCode = TestData.NgheAn, level = "province", date = "2026-11-01", phase = "2021-2025", collectiveQuota = 1, individualQuota = 1 })),
            ["committee"] = await TestData.IdOfAsync(await secretariatB.PostAsJsonAsync("/api/v1/committees", new { name = TestData.Unique("BCĐ B"), unitCode = TestData.NgheAn, termFrom = 2025, termTo = 2030 })),
            ["report"] = await TestData.IdOfAsync(await officerB.PostAsJsonAsync($"/api/v1/initiatives/{initiativeId}/results", new { periodKind = "quarter", periodStart = "2025-10-01", narrative = secret, values = Array.Empty<object>() })),
        };
        ids["evidence"] = await TestData.IdOfAsync(await officerB.PostAsync($"/api/v1/results/{ids["report"]}/evidence", TestData.FileContent(TestData.Png, "anh.png")));
        var appraiserEmail = TestData.UniqueEmail();
        await app.CreateUserAsync(appraiserEmail, (Role.Appraiser, TestData.NgheAn));
        ids["appraisal"] = await TestData.IdOfAsync(await secretariatB.PostAsJsonAsync("/api/v1/appraisals",
            new { name = TestData.Unique("Thẩm định B"), unitCode = TestData.NgheAn, criteriaSetId = ids["criteria"], initiativeIds = new[] { initiativeId }, memberEmails = new[] { appraiserEmail } }));
        ids["decision"] = await TestData.IdOfAsync(await secretariatB.PostAsJsonAsync("/api/v1/recognitions",
            new { unitCode = TestData.NgheAn, number = "9-QĐ/BCĐ-" + Guid.NewGuid().ToString("N")[..4], date = "2026-10-01", level = "province", issuingBody = "BCĐ tỉnh Nghệ An", initiativeIds = new[] { initiativeId } }));
        ids["nomination"] = await TestData.IdOfAsync(await officerB.PostAsJsonAsync("/api/v1/nominations",
            new { unitCode = TestData.ThaiHoa, recipientKind = "collective", recipientName = secret, formCode = "bk_tinh", achievements = secret }));
        ids["award"] = await TestData.IdOfAsync(await secretariatB.PostAsJsonAsync("/api/v1/awards",
            new { number = TestData.Unique("QĐ-B"), decidedOn = "2026-10-01", formCode = "bk_tinh", unitCode = TestData.NgheAn, recipients = new[] { new { kind = "collective", name = secret, unitCode = TestData.ThaiHoa } } }));
        ids["inspection"] = await TestData.IdOfAsync(await secretariatB.PostAsJsonAsync("/api/v1/inspections",
            new { unitCode = TestData.ThaiHoa, plannedOn = "2026-12-01", inspectors = secret }));
        var userB = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Officer, TestData.ThaiHoa));
        ids["import"] = (await (await officerB.PostAsync("/api/v1/imports", TestData.FileContent(System.Text.Encoding.UTF8.GetBytes("Tên mô hình\nA"), "b.csv"))).ReadJsonAsync()).GetProperty("id").GetInt32();
        var unrecognisedId = await TestData.CreateInitiativeAsync(officerB, TestData.ThaiHoa, secret + " (2)");

        return new OtherProvince(secret, initiativeId, unrecognisedId, ids, userB, officerB);
    }

    private static string IdFor(Dictionary<string, int> ids, string route)
    {
        var r = route.ToLowerInvariant();
        int Pick(string key) => ids[key];
        var id = r.Contains("evidence", StringComparison.Ordinal) && !r.Contains("/results/", StringComparison.Ordinal) ? Pick("evidence")
            : r.Contains("/results/{reportid", StringComparison.Ordinal) ? Pick("report")
            : r.Contains("campaign", StringComparison.Ordinal) ? Pick("campaign")
            : r.Contains("criteria", StringComparison.Ordinal) ? Pick("criteria")
            : r.Contains("appraisal", StringComparison.Ordinal) ? Pick("appraisal")
            : r.Contains("recognitions/", StringComparison.Ordinal) || r.Contains("recognition/decision", StringComparison.Ordinal) ? Pick("decision")
            : r.Contains("conference", StringComparison.Ordinal) ? Pick("conference")
            : r.Contains("committees", StringComparison.Ordinal) ? Pick("committee")
            : r.Contains("organizations", StringComparison.Ordinal) ? Pick("organization")
            : r.Contains("imports", StringComparison.Ordinal) ? Pick("import")
            : r.Contains("nominations", StringComparison.Ordinal) ? Pick("nomination")
            : r.Contains("inspections", StringComparison.Ordinal) ? Pick("inspection")
            : r.Contains("awards", StringComparison.Ordinal) ? Pick("award")
            : r.Contains("surveys", StringComparison.Ordinal) && ids.ContainsKey("survey") ? Pick("survey")
            : Pick("initiative");
        return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task OfficerOfAnotherProvince_ReachesNoRecordThroughAnyRouteThatNamesOne()
    {
        // Province B (Nghệ An) holds one record of every kind; an officer of a commune of Hưng Yên tries them all.
        var (secret, initiativeId, unrecognisedId, ids, userB, officerB) = await OtherProvinceAsync();
        var emailA = TestData.UniqueEmail();
        var userA = await app.CreateUserAsync(emailA, (Role.Officer, TestData.LuongBang));
        var api = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        api.DefaultRequestHeaders.Authorization = new("Bearer", await app.CreateTokenAsync(userA));
        var web = await HtmlClient.SignedInAsync(app, emailA);

        var tried = 0;
        foreach (var (key, method, route) in Routes().Where(r => Expected[r.Key] == Access.SignedIn)
                     .Where(r => r.Route.Contains("{id", StringComparison.Ordinal) || r.Route.Contains("{reportId", StringComparison.Ordinal)))
        {
            var url = route.Contains("Users", StringComparison.Ordinal) ? Concrete(route, userB.Id)
                : OpenOnceRecognised.Contains(key) ? Concrete(route, unrecognisedId.ToString(System.Globalization.CultureInfo.InvariantCulture))
                : Concrete(route, IdFor(ids, route));
            if (route.Contains("{reportId", StringComparison.Ordinal))
            {
                url = Concrete(route.Replace("{id:int}", initiativeId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), IdFor(ids, route));
            }

            HttpResponseMessage response;
            if (key.StartsWith("PAGE", StringComparison.Ordinal))
            {
                response = (await web.GetAsync(url)).Response;
            }
            else
            {
                response = await api.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
                {
                    Content = method is "POST" or "PUT"
                        ? new StringContent(System.Text.Json.JsonSerializer.Serialize(TestData.NewInitiative(TestData.LuongBang)), System.Text.Encoding.UTF8, "application/json")
                        : null,
                });
            }

            tried++;
            var body = await response.Content.ReadAsStringAsync();
            Assert.False(response.IsSuccessStatusCode, $"{key} ({url}) answered {(int)response.StatusCode} for another province's record");
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        }

        Assert.True(tried >= 30, $"only {tried} routes tried");

        // Nothing changed on the other side.
        var after = await (await officerB.GetAsync($"/api/v1/initiatives/{initiativeId}")).ReadJsonAsync();
        Assert.Equal("province", after.GetProperty("highestLevel").GetString());
        var results = await (await officerB.GetAsync($"/api/v1/initiatives/{initiativeId}/results")).ReadJsonAsync();
        Assert.Equal(1, results[0].GetProperty("version").GetInt32());
    }

    /// <summary>Every page handler (GET and POST, named or not), found by reflection over the page models.</summary>
    private List<(string Page, string Route, string Method, string? Handler, System.Reflection.ParameterInfo[] Parameters)> PageHandlers()
    {
        // An Index page answers at "/X" and "/X/Index": one of them is enough.
        var routes = Routes().Where(r => r.Key.StartsWith("PAGE ", StringComparison.Ordinal)).GroupBy(r => r.Key[5..])
            .ToDictionary(g => g.Key, g => g.Select(r => r.Route).OrderByDescending(r => r.Length).First());
        var list = new List<(string, string, string, string?, System.Reflection.ParameterInfo[])>();
        foreach (var type in typeof(Program).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel))))
        {
            var page = "/" + string.Join('/', (type.Namespace ?? string.Empty).Split('.').Skip(2).Append(type.Name[..^"Model".Length]));
            if (!routes.TryGetValue(page, out var route))
            {
                continue;
            }

            foreach (var m in type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly))
            {
                var match = System.Text.RegularExpressions.Regex.Match(m.Name, "^On(Get|Post)(\\w*?)(Async)?$");
                if (match.Success)
                {
                    list.Add((page, route, match.Groups[1].Value.ToUpperInvariant(), match.Groups[2].Value.Length == 0 ? null : match.Groups[2].Value, m.GetParameters()));
                }
            }
        }

        return list;
    }

    [Fact]
    public async Task EveryPageHandler_IsClosedToAnonymousCallers()
    {
        var handlers = PageHandlers().Where(h => Expected["PAGE " + h.Page] == Access.SignedIn).ToList();
        Assert.True(handlers.Count >= 60, $"only {handlers.Count} handlers found");
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var (page, route, method, handler, _) in handlers)
        {
            var url = Concrete(route, "1") + (handler is null ? string.Empty : "?handler=" + handler);
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
            {
                Content = method == "POST" ? new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "x" }) : null,
            });
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/Login", StringComparison.Ordinal),
                $"{method} {page} {handler}: {(int)response.StatusCode}");
        }
    }

    /// <summary>
    /// An officer of Hưng Yên, signed in with a real session and antiforgery token, calls every page handler (GET and POST)
    /// with the ids of province B's records and a form that would be valid there: no handler answers 500, none shows B's
    /// secret, and nothing of B changes.
    /// </summary>
    [Fact]
    public async Task EveryPageHandler_RefusesAnotherProvincesRecords_WithoutAServerError()
    {
        var b = await OtherProvinceAsync();
        var before = await FingerprintAsync("/40/");
        var email = TestData.UniqueEmail();
        await app.CreateUserAsync(email, (Role.Officer, TestData.LuongBang));
        var web = await HtmlClient.SignedInAsync(app, email);
        var (_, form) = await web.GetAsync("/Initiatives/Edit");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        string Id(string kind) => b.Ids[kind].ToString(System.Globalization.CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = "Sửa trộm", ["Input.UnitCode"] = TestData.ThaiHoa, ["Input.Field"] = "Economy", ["Input.Kind"] = "Collective", ["Input.Origin"] = "New",
            ["Input.OwnerName"] = "Hội", ["Input.RegisteredOn"] = "2026-03-01", ["Input.OpensOn"] = "2026-01-01", ["Input.ClosesOn"] = "2026-12-31",
            ["Input.Number"] = "99-QĐ", ["Input.Date"] = "2026-10-01", ["Input.Level"] = "Commune", ["Input.IssuingBody"] = "BCĐ", ["Input.InitiativeIds"] = Id("initiative"),
            ["Input.CriteriaSetId"] = Id("criteria"), ["Input.PassThreshold"] = "50", ["Input.Criteria[0].Name"] = "A", ["Input.Criteria[0].Weight"] = "1",
            ["Input.Criteria[0].MaxScore"] = "10", ["Input.TermFrom"] = "2025", ["Input.TermTo"] = "2030", ["Input.Reason"] = "Lý do", ["Input.Decision"] = "Retire",
            ["Input.On"] = "2026-06-01", ["Input.Version"] = "1", ["Input.InitiativeId"] = Id("initiative"), ["Input.Title"] = "Bằng khen", ["Input.Kind2"] = "x",
            ["Reason"] = "Lý do", ["Version"] = "1", ["Question"] = "Hài lòng?", ["Grant.Role"] = "Officer", ["Grant.UnitCode"] = TestData.ThaiHoa,
            ["Conclusion.Outcome"] = "Passed", ["Conclusion.Text"] = "Đạt", ["Score.Values[0]"] = "5", ["InitiativeId"] = Id("initiative"), ["locked"] = "true",
            ["Input.MembersText"] = "Nguyễn Văn A", ["Input.Periodkind"] = "Quarter", ["Input.PeriodKind"] = "Quarter", ["Input.PeriodStart"] = "2026-01-01",
        };
        var tried = 0;
        var failures = new List<string>();
        // Their own account's pages (sign out, password, tokens) name no one else's record.
        foreach (var (page, route, method, handler, parameters) in PageHandlers().Where(h => Expected["PAGE " + h.Page] == Access.SignedIn && !h.Page.StartsWith("/Account/", StringComparison.Ordinal)))
        {
            var url = route.Contains("Users", StringComparison.Ordinal) ? Concrete(route, b.UserB.Id)
                : OpenOnceRecognised.Contains("PAGE " + page) ? Concrete(route, b.UnrecognisedId.ToString(System.Globalization.CultureInfo.InvariantCulture))
                : Concrete(route, IdFor(b.Ids, route));
            var query = new List<string>();
            if (handler is not null)
            {
                query.Add("handler=" + handler);
            }

            foreach (var p in parameters.Where(p => p.ParameterType != typeof(CancellationToken) && p.Name is not "id"))
            {
                var value = p.Name switch
                {
                    "initiativeId" => Id("initiative"), "itemId" => Id("initiative"), "reportId" => Id("report"), "campaignId" => Id("campaign"),
                    "grantId" or "surveyId" or "job" => "1", "publish" or "locked" => "true", "unit" => TestData.NgheAn, _ => "1",
                };
                query.Add($"{p.Name}={value}");
            }

            if (page is "/Surveys/Index" or "/Results/Edit" or "/Reports/Index" or "/Reports/Document" or "/Review/Index")
            {
                query.Add("initiativeId=" + Id("initiative"));
                query.Add("unit=" + TestData.NgheAn);
            }

            url += query.Count == 0 ? string.Empty : (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join('&', query);
            var response = await web.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
            {
                Content = method == "POST" ? new FormUrlEncodedContent(fields) : null,
            });
            tried++;
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500 || body.Contains(b.Secret, StringComparison.Ordinal))
            {
                failures.Add($"{method} {url}: {(int)response.StatusCode}{(body.Contains(b.Secret, StringComparison.Ordinal) ? " (shows B's secret)" : string.Empty)}");
            }
        }

        Assert.True(tried >= 50, $"only {tried} handlers tried");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await FingerprintAsync("/40/"));
    }

    /// <summary>What province B holds: counts and versions of every kind of record in its area.</summary>
    private async Task<string> FingerprintAsync(string path)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<DanVan.Data.AppDbContext>();
        string[] area = [path];
        var initiatives = db.Initiatives.WithinPaths(area, i => i.ScopePath);
        var parts = new object[]
        {
            await initiatives.CountAsync(), await initiatives.SumAsync(i => i.Version), await initiatives.CountAsync(i => i.Status == InitiativeStatus.Retired),
            await initiatives.CountAsync(i => i.HighestLevel != null), await db.Initiatives.CountAsync(i => i.ReplicatedFromId != null && initiatives.Any(x => x.Id == i.ReplicatedFromId)),
            await db.Organizations.WithinPaths(area, o => o.ScopePath).SumAsync(o => o.Version + 1),
            await db.Campaigns.WithinPaths(area, c => c.ScopePath).SumAsync(c => c.Version + 1),
            await db.CriteriaSets.WithinPaths(area, c => c.ScopePath).CountAsync(),
            await db.Committees.WithinPaths(area, c => c.ScopePath).SumAsync(c => c.Version + 1),
            await db.Appraisals.WithinPaths(area, a => a.ScopePath).SumAsync(a => a.Version + 1),
            await db.RecognitionDecisions.WithinPaths(area, d => d.ScopePath).CountAsync(),
            await db.Conferences.WithinPaths(area, c => c.ScopePath).SumAsync(c => c.Version + 1),
            await db.ResultReports.Where(r => initiatives.Any(i => i.Id == r.InitiativeId)).SumAsync(r => r.Version + 1),
            await db.ReviewDecisions.Where(r => initiatives.Any(i => i.Id == r.InitiativeId)).CountAsync(),
            await db.Surveys.WithinPaths(area, s => s.ScopePath).CountAsync(),
            await db.RoleGrants.WithinPaths(area, g => g.ScopePath).CountAsync(),
            await db.AppraisalScores.CountAsync(), await db.AppraisalRecusals.CountAsync(), await db.Awards.CountAsync(), await db.Teams.CountAsync(),
        };
        return string.Join(",", parts);
    }

    private static string Concrete(string route, string id)
    {
        var url = route
            .Replace("{id:int?}", id, StringComparison.Ordinal).Replace("{id:int}", id, StringComparison.Ordinal)
            .Replace("{id?}", id, StringComparison.Ordinal).Replace("{id}", id, StringComparison.Ordinal)
            .Replace("{reportId:int}", id, StringComparison.Ordinal).Replace("{itemId:int}", id, StringComparison.Ordinal).Replace("{attachmentId:int}", id, StringComparison.Ordinal).Replace("{taskId:int}", id, StringComparison.Ordinal).Replace("{photoId:int}", id, StringComparison.Ordinal)
            .Replace("{map:int}", "2025", StringComparison.Ordinal).Replace("{code}", "01", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal).Replace("{**rest}", "x", StringComparison.Ordinal);
        return url.Length > 1 ? url.TrimEnd('/') : url;
    }
}
