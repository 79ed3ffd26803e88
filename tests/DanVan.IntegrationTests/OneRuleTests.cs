using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DanVan.Data;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

/// <summary>
/// The seven findings of "one rule, one place": each way in (page, API, import) enforces the same rule with the same
/// permission check and answers a refusal the same way.
/// </summary>
[Collection(AppCollection.Name)]
public class OneRuleTests(DanVanFactory app)
{
    private const string Header = "Mã,Tên mô hình *,Mã đơn vị *,Bản đồ,Lĩnh vực *,Loại *,Nguồn gốc,Nhân rộng từ,Chủ thể *,Ngày đăng ký *,Trạng thái,Ngày loại bỏ,Cấp công nhận,Ngày công nhận,Số quyết định";

    // One import helper for the suite: AbuseTests owns the upload-and-wait loop and the answer's text.
    private static Task<JsonElement> ImportAsync(HttpClient api, string csv, bool dryRun = false) =>
        AbuseTests.ImportAsync(api, Encoding.UTF8.GetBytes(csv), "ds.csv", dryRun);

    private static string Strings(JsonElement e) => AbuseTests.Strings(e);

    private async Task<int> CountAsync(Func<AppDbContext, Task<int>> count)
    {
        await using var s = app.Scope();
        return await count(s.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    // Finding 1: the import may not recognise what its submitter may not.
    [Fact]
    public async Task Import_ByACommuneOfficer_CannotRecogniseNationally_AndWritesNothing()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var name = TestData.Unique("Tự công nhận toàn quốc");
        var number = "1-QĐ/" + Guid.NewGuid().ToString("N")[..6];
        var csv = Header + $"\n,{name},{TestData.LuongBang},2025,Kinh tế,Tập thể,,,Hội Phụ nữ,2025-08-01,,,Toàn quốc,2025-10-01,{number}";
        var decisionsBefore = await CountAsync(db => db.RecognitionDecisions.CountAsync());

        var job = await ImportAsync(officer, csv);

        Assert.Equal("failed", job.GetProperty("status").GetString());
        var errors = Strings(job);
        Assert.Contains("quyền", errors, StringComparison.Ordinal);
        Assert.Equal(decisionsBefore, await CountAsync(db => db.RecognitionDecisions.CountAsync()));
        Assert.Equal(0, await CountAsync(db => db.Initiatives.CountAsync(i => i.Name == name)));
        var web = HtmlClient.Anonymous(app);
        Assert.DoesNotContain(name, await web.Http.GetStringAsync("/cong-khai/du-lieu-mo/mo-hinh.csv"), StringComparison.Ordinal);

        // The same officer is refused the same power on the API, and a province's secretariat may not recognise nationally either.
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var job2 = await ImportAsync(secretariat, csv, dryRun: true);
        Assert.Contains("quyền", Strings(job2), StringComparison.Ordinal);
        var retire = Header + $"\n,{name},{TestData.LuongBang},2025,Kinh tế,Tập thể,,,Hội Phụ nữ,2025-08-01,Loại bỏ,2025-09-01,,,";
        var job3 = await ImportAsync(officer, retire, dryRun: true);
        Assert.Contains("quyền", Strings(job3), StringComparison.Ordinal);
    }

    // Finding 2: status and retirement change only through the review.
    [Fact]
    public async Task Put_CannotRetireOrReinstate_OnlyTheReviewCan()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var id = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang);
        var detail = await (await officer.GetAsync($"/api/v1/initiatives/{id}")).ReadJsonAsync();
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(detail.GetRawText())!;
        body["status"] = "retired";
        body["retiredOn"] = "2026-05-01";
        body["retiredReason"] = null;
        var put = await officer.PutAsJsonAsync($"/api/v1/initiatives/{id}", body);
        Assert.NotEqual(HttpStatusCode.InternalServerError, put.StatusCode);
        var after = await (await officer.GetAsync($"/api/v1/initiatives/{id}")).ReadJsonAsync();
        Assert.NotEqual("retired", after.GetProperty("status").GetString());

        // Retired at review by the secretariat, a PUT cannot bring it back either.
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var review = await secretariat.PostAsJsonAsync($"/api/v1/initiatives/{id}/review", new { decision = "retire", reason = "Hình thức", on = "2026-06-01" });
        Assert.True(review.IsSuccessStatusCode, await review.Content.ReadAsStringAsync());
        var retired = await (await officer.GetAsync($"/api/v1/initiatives/{id}")).ReadJsonAsync();
        body = JsonSerializer.Deserialize<Dictionary<string, object?>>(retired.GetRawText())!;
        body["status"] = "active";
        await officer.PutAsJsonAsync($"/api/v1/initiatives/{id}", body);
        var still = await (await officer.GetAsync($"/api/v1/initiatives/{id}")).ReadJsonAsync();
        Assert.Equal("retired", still.GetProperty("status").GetString());

        // The officer may not review at all.
        var byOfficer = await officer.PostAsJsonAsync($"/api/v1/initiatives/{id}/review", new { decision = "reinstate", reason = "Xin khôi phục" });
        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
    }

    // Finding 3: a replication source must be one the caller can read, or public practice.
    [Fact]
    public async Task ReplicatedFrom_AnotherProvincesUnreadableModel_IsRefusedWithoutLeakingIt()
    {
        var hungYen = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var secret = TestData.Unique("Mô hình nội bộ Hưng Yên");
        var sourceId = await TestData.CreateInitiativeAsync(hungYen, TestData.LuongBang, secret);
        var thaiHoa = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var body = new Dictionary<string, object?>
        {
            ["name"] = TestData.Unique("Bản sao"), ["field"] = "economy", ["kind"] = "collective", ["origin"] = "replicated",
            ["replicatedFromId"] = sourceId, ["ownerName"] = "Hội", ["unitCode"] = TestData.ThaiHoa, ["registeredOn"] = "2026-03-01",
        };

        var response = await thaiHoa.PostAsJsonAsync("/api/v1/initiatives", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(db => db.Initiatives.CountAsync(i => i.ReplicatedFromId == sourceId)));

        // The import's lookup by code is scoped the same way.
        var code = "HY" + Guid.NewGuid().ToString("N")[..6];
        await using (var s = app.Scope())
        {
            var db = s.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Initiatives.Where(i => i.Id == sourceId).ExecuteUpdateAsync(x => x.SetProperty(i => i.Code, code));
        }

        var ngheAn = await app.ApiClientAsync((Role.Secretariat, TestData.NgheAn));
        var job = await ImportAsync(ngheAn, Header + $"\n,{TestData.Unique("Nhân rộng")},{TestData.ThaiHoa},2025,Kinh tế,Tập thể,Nhân rộng,{code},Hội,2026-03-01,,,,,");
        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Contains(code, Strings(job), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(db => db.Initiatives.CountAsync(i => i.ReplicatedFromId == sourceId)));
    }

    // Finding 4: a refusal on a page is a page, never a 500.
    [Fact]
    public async Task PagePosts_OutsideTheCallersArea_AreRefused_NotServerErrors()
    {
        var secretariatB = await app.ApiClientAsync((Role.Secretariat, TestData.NgheAn));
        var campaignId = await TestData.IdOfAsync(await secretariatB.PostAsJsonAsync("/api/v1/campaigns",
            new { name = TestData.Unique("Đợt của B"), unitCode = TestData.NgheAn, opensOn = "2026-01-01", closesOn = "2026-12-31" }));
        var criteriaId = await TestData.IdOfAsync(await secretariatB.PostAsJsonAsync("/api/v1/criteria-sets", TestData.Criteria(TestData.NgheAn)));
        var officerB = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var initiativeB = await TestData.CreateInitiativeAsync(officerB, TestData.ThaiHoa);

        var webEmail = TestData.UniqueEmail();
        await app.CreateUserAsync(webEmail, (Role.Officer, TestData.LuongBang));
        var web = await HtmlClient.SignedInAsync(app, webEmail);
        var form = "/Initiatives/Edit";
        var posts = new (string Url, Dictionary<string, string> Fields)[]
        {
            ($"/Campaigns/Edit/{campaignId}", new() { ["Input.Name"] = "Sửa trộm", ["Input.UnitCode"] = TestData.NgheAn, ["Input.OpensOn"] = "2026-01-01", ["Input.ClosesOn"] = "2026-12-31" }),
            ($"/Criteria/Edit/{criteriaId}", new() { ["Input.Name"] = "Sửa trộm", ["Input.UnitCode"] = TestData.NgheAn, ["Input.PassThreshold"] = "50", ["Input.Criteria[0].Name"] = "A", ["Input.Criteria[0].Weight"] = "1", ["Input.Criteria[0].MaxScore"] = "10" }),
            ("/Recognition/New", new() { ["Input.UnitCode"] = TestData.NgheAn, ["Input.Number"] = "5-QĐ", ["Input.Date"] = "2026-10-01", ["Input.Level"] = "Province", ["Input.IssuingBody"] = "BCĐ", ["Input.InitiativeIds"] = initiativeB.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            ("/Appraisals/New", new() { ["Input.Name"] = "Thẩm định trộm", ["Input.UnitCode"] = TestData.NgheAn, ["Input.CriteriaSetId"] = criteriaId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.InitiativeIds"] = initiativeB.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            ($"/Initiatives/Replicate/{initiativeB}", new() { ["Input.UnitCode"] = TestData.LuongBang, ["Input.RegisteredOn"] = "2026-03-01", ["Input.OwnerName"] = "Hội" }),
        };
        foreach (var (url, fields) in posts)
        {
            var response = await web.PostFormAsync(url, fields, form);
            Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        }

        // The round is unchanged.
        var campaign = await (await secretariatB.GetAsync($"/api/v1/campaigns/{campaignId}")).ReadJsonAsync();
        Assert.NotEqual("Sửa trộm", campaign.GetProperty("name").GetString());

        // Hostile return addresses are sent home, not to a 500.
        var culture = await web.PostFormAsync("/culture?returnUrl=/%5Cevil.com", new() { ["culture"] = "vi" }, form);
        Assert.True((int)culture.StatusCode is 302 or 303, $"/culture answered {(int)culture.StatusCode}: {await culture.Content.ReadAsStringAsync()}");
        Assert.Equal("/", culture.Headers.Location!.OriginalString);
        var email = TestData.UniqueEmail();
        await app.CreateUserAsync(email, (Role.Officer, TestData.LuongBang));
        var anonymous = HtmlClient.Anonymous(app);
        var login = await anonymous.PostFormAsync("/Account/Login?ReturnUrl=/Initiatives%09x", new() { ["Input.Email"] = email, ["Input.Password"] = TestData.Password }, "/Account/Login");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    // Finding 5: one mapping — a refused transition is 409 on every path.
    [Fact]
    public async Task RefusedTransition_Is409_AndAFieldRefusal400_OnTheApi()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var id = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang);
        var review = await secretariat.PostAsJsonAsync($"/api/v1/initiatives/{id}/review", new { decision = "retire", reason = "Hình thức", on = "2026-06-01" });
        Assert.True(review.IsSuccessStatusCode);

        var again = await secretariat.PostAsJsonAsync($"/api/v1/initiatives/{id}/review", new { decision = "retire", reason = "Lần nữa", on = "2026-06-02" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);

        var recognise = await secretariat.PostAsJsonAsync("/api/v1/recognitions",
            new { unitCode = TestData.HungYen, number = "7-QĐ/" + Guid.NewGuid().ToString("N")[..5], date = "2026-10-01", level = "province", issuingBody = "BCĐ tỉnh", initiativeIds = new[] { id } });
        Assert.Equal(HttpStatusCode.Conflict, recognise.StatusCode);

        var badUnit = await officer.PostAsJsonAsync("/api/v1/initiatives", TestData.NewInitiative("99999"));
        Assert.Equal(HttpStatusCode.BadRequest, badUnit.StatusCode);
        Assert.True((await badUnit.ReadJsonAsync()).GetProperty("errors").TryGetProperty("unitCode", out _));

        // "Not yours" is said one way: another province's unit in the body is 403, an unreadable record 404.
        var otherUnit = await officer.PostAsJsonAsync("/api/v1/initiatives", TestData.NewInitiative(TestData.ThaiHoa));
        Assert.Equal(HttpStatusCode.NotFound, otherUnit.StatusCode);
        var neighbour = await officer.PostAsJsonAsync("/api/v1/initiatives", TestData.NewInitiative(TestData.HungYen));
        Assert.Equal(HttpStatusCode.NotFound, neighbour.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsJsonAsync("/api/v1/campaigns", new { name = "X", unitCode = TestData.NgheAn, opensOn = "2026-01-01", closesOn = "2026-12-31" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/v1/campaigns", new { name = "X", unitCode = TestData.LuongBang, opensOn = "2026-01-01", closesOn = "2026-12-31" })).StatusCode);
    }

    // Finding 6: validation speaks Vietnamese.
    [Fact]
    public async Task ValidationMessages_AreVietnamese_OnApiAndPages()
    {
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var response = await secretariat.PostAsJsonAsync("/api/v1/recognitions",
            new { unitCode = TestData.HungYen, number = "1-QĐ", date = "2026-10-01", level = "province", issuingBody = "BCĐ", signer = new string('a', 201), initiativeIds = new[] { 1 } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("signer")[0].GetString()!;
        Assert.Equal("Người ký không được dài quá 200 ký tự.", text);

        var webEmail = TestData.UniqueEmail();
        await app.CreateUserAsync(webEmail, (Role.Secretariat, TestData.HungYen));
        var web = await HtmlClient.SignedInAsync(app, webEmail);
        var page = await web.PostFormAsync("/Recognition/New", new()
        {
            ["Input.UnitCode"] = TestData.HungYen, ["Input.Number"] = "1-QĐ", ["Input.Date"] = "2026-10-01", ["Input.Level"] = "Province",
            ["Input.IssuingBody"] = "BCĐ", ["Input.Signer"] = new string('a', 201),
        }, "/Initiatives/Edit");
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("The field", html, StringComparison.Ordinal);
        Assert.Contains("Người ký không được dài quá 200 ký tự.", html, StringComparison.Ordinal);
    }

    // Finding 7: the import applies the domain's rules, in the domain's words.
    [Fact]
    public async Task Import_RefusesWithTheDomainsOwnMessages()
    {
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var longName = new string('x', 301);
        var csv = string.Join('\n', Header,
            $",{longName},{TestData.LuongBang},2025,Kinh tế,Tập thể,,,Hội,2025-08-01,,,,,",
            $",Quá sớm,{TestData.LuongBang},2025,Kinh tế,Tập thể,,,Hội,2008-08-01,,,,,",
            $",Loại trước đăng ký,{TestData.LuongBang},2025,Kinh tế,Tập thể,,,Hội,2025-08-01,Loại bỏ,2025-07-01,,,",
            $",Huyện sau cải cách,{TestData.LuongBang},2025,Kinh tế,Tập thể,,,Hội,2025-08-01,,,Cấp huyện,2025-09-01,3-QĐ",
            $",Công nhận trước đăng ký,{TestData.LuongBang},2025,Kinh tế,Tập thể,,,Hội,2025-08-01,,,Cấp tỉnh,2025-07-15,4-QĐ");

        var job = await ImportAsync(secretariat, csv, dryRun: true);
        var text = Strings(job);

        Assert.Contains("Tên mô hình không được dài quá 300 ký tự.", text, StringComparison.Ordinal);
        Assert.Contains("Ngày đăng ký phải từ năm 2009", text, StringComparison.Ordinal);
        Assert.Contains("Ngày loại bỏ không thể trước ngày đăng ký.", text, StringComparison.Ordinal);
        Assert.Contains("Từ ngày 01/07/2025 không còn cấp huyện", text, StringComparison.Ordinal);
        Assert.Contains("Quyết định công nhận không thể trước ngày đăng ký", text, StringComparison.Ordinal);
    }
}
