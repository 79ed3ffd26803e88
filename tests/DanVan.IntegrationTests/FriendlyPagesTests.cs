using System.Net;
using System.Net.Http.Json;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;

namespace DanVan.IntegrationTests;

/// <summary>People meet pages in the site's style and language when something is missing, refused or broken.</summary>
[Collection(AppCollection.Name)]
public class FriendlyPagesTests(DanVanFactory app)
{
    [Fact]
    public async Task StalePublicLink_IsAFriendlyPage_WithAWayBack()
    {
        var response = await HtmlClient.Anonymous(app).Http.GetAsync("/cong-khai/mo-hinh/99999999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var doc = HtmlClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("404", doc.QuerySelector("#error-page")!.GetAttribute("data-code"));
        Assert.Contains("Không tìm thấy trang", doc.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("#error-page a[href='/cong-khai']"));
    }

    [Fact]
    public async Task StaffPages_MissingOrRefused_AreFriendlyPages_AndTheApiKeepsItsProblems()
    {
        var web = await app.PageClientAsync((Role.Officer, TestData.LuongBang));
        var missing = await web.GetAsync("/Initiatives/99999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Không tìm thấy trang", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await web.GetAsync("/Error/500");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Contains("Mã tra cứu lỗi", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);

        var api = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var problem = await api.GetAsync("/api/v1/initiatives/99999999");
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
        var unknown = await api.PutAsync("/api/v1/initiatives/1", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Favicon_IsServed()
    {
        var response = await app.CreateClient().GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task LanguageButton_SwitchesToEnglish_AndBack()
    {
        var web = HtmlClient.Anonymous(app);
        // The language buttons post their form field (no token is needed to choose a language).
        var english = await web.Http.PostAsync("/culture?returnUrl=/cong-khai", new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en" }));
        Assert.Equal(HttpStatusCode.Redirect, english.StatusCode);
        var (_, doc) = await web.GetAsync("/Account/Login");
        Assert.Equal("en", doc.DocumentElement.GetAttribute("lang"));
        await web.Http.PostAsync("/culture?returnUrl=/cong-khai", new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "vi" }));
        var (_, again) = await web.GetAsync("/Account/Login");
        Assert.Equal("vi", again.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task RecognitionRegister_FindsDecisionsByNumberYearAndLevel_InTheCallersAreaOnly()
    {
        var tag = Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var id = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang, registeredOn: "2025-08-01");
        await TestData.IdOfAsync(await secretariat.PostAsJsonAsync("/api/v1/recognitions",
            new { unitCode = TestData.HungYen, number = $"{tag}-QĐ/BCĐ", date = "2025-12-20", level = "province", issuingBody = "BCĐ tỉnh Hưng Yên", initiativeIds = new[] { id } }));

        var web = await app.PageClientAsync((Role.Viewer, TestData.HungYen));
        var found = HtmlClient.Parse(await (await web.GetAsync($"/Recognition?number={tag.ToLowerInvariant()}&year=2025&level=Province")).Content.ReadAsStringAsync());
        Assert.Single(found.QuerySelectorAll("#decisions tbody tr"));
        Assert.Contains($"{tag}-QĐ/BCĐ", found.QuerySelector("#decisions")!.TextContent, StringComparison.Ordinal);
        var otherYear = HtmlClient.Parse(await (await web.GetAsync($"/Recognition?number={tag}&year=2024")).Content.ReadAsStringAsync());
        Assert.Empty(otherYear.QuerySelectorAll("#decisions tbody tr"));
        var elsewhere = await app.PageClientAsync((Role.Viewer, TestData.NgheAn));
        var hidden = HtmlClient.Parse(await (await elsewhere.GetAsync($"/Recognition?number={tag}")).Content.ReadAsStringAsync());
        Assert.Empty(hidden.QuerySelectorAll("#decisions tbody tr"));
    }

    [Fact]
    public async Task AuditTrail_SpeaksInLabelsAndNames_NotPropertiesAndIds()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var id = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang, registeredOn: "2025-08-01");
        await TestData.IdOfAsync(await secretariat.PostAsJsonAsync("/api/v1/recognitions",
            new { unitCode = TestData.HungYen, number = "QĐ-" + Guid.NewGuid().ToString("N")[..6], date = "2025-12-20", level = "province", issuingBody = "BCĐ", initiativeIds = new[] { id } }));
        var web = await app.PageClientAsync((Role.Officer, TestData.LuongBang));
        var doc = HtmlClient.Parse(await (await web.GetAsync($"/Initiatives/{id}")).Content.ReadAsStringAsync());
        var audit = string.Join(" ", doc.QuerySelectorAll("td[data-label='Nội dung']").Select(td => td.TextContent));
        Assert.Contains("Lương Bằng", audit, StringComparison.Ordinal);
        Assert.Contains("Cấp công nhận cao nhất", audit, StringComparison.Ordinal);
        Assert.Contains("Cấp tỉnh", audit, StringComparison.Ordinal);
        foreach (var raw in new[] { "UnitId", "HighestLevel", "Province", "ScopePath", "SortKey", "SearchText" })
        {
            Assert.DoesNotContain(raw, audit, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Officers_AreTold_WhenTheirModelIsRetired()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var name = TestData.Unique("Mô hình bị loại");
        var id = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang, name, registeredOn: "2025-08-01");
        var review = await secretariat.PostAsJsonAsync($"/api/v1/initiatives/{id}/review", new { decision = "retire", reason = "Hình thức, không có kết quả", on = "2026-06-01" });
        Assert.True(review.IsSuccessStatusCode, await review.Content.ReadAsStringAsync());
        var notes = await (await officer.GetAsync("/api/v1/notifications")).ReadJsonAsync();
        var text = System.Text.RegularExpressions.Regex.Unescape(notes.GetRawText());
        Assert.Contains($"{name}\" đã bị loại bỏ khi rà soát", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewDecisionForm_OffersNoDistrictLevel_AfterTheDistrictsEnded()
    {
        var web = await app.PageClientAsync((Role.Secretariat, TestData.HungYen));
        var doc = HtmlClient.Parse(await (await web.GetAsync($"/Recognition/New?unit={TestData.HungYen}")).Content.ReadAsStringAsync());
        var levels = doc.QuerySelectorAll("select[name='Input.Level'] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains("Province", levels);
        Assert.DoesNotContain("District", levels);
    }

    [Fact]
    public async Task ReviewReport_StateLayout_BringsItsOwnDefaults()
    {
        var web = await app.PageClientAsync((Role.Secretariat, TestData.HungYen));
        var party = HtmlClient.Parse(await (await web.GetAsync($"/Reports/Document?unit={TestData.HungYen}")).Content.ReadAsStringAsync());
        Assert.Equal("…-BC/BCĐ", party.QuerySelector("input[name='Input.Number']")!.GetAttribute("value"));
        var state = HtmlClient.Parse(await (await web.GetAsync($"/Reports/Document?unit={TestData.HungYen}&issuer=State")).Content.ReadAsStringAsync());
        Assert.Equal("State", state.QuerySelector("select[name='Input.Issuer'] option[selected]")!.GetAttribute("value"));
        Assert.Equal("…/BC-UBND", state.QuerySelector("input[name='Input.Number']")!.GetAttribute("value"));
        Assert.StartsWith("Ủy ban nhân dân", state.QuerySelector("input[name='Input.IssuingBody']")!.GetAttribute("value"), StringComparison.Ordinal);
        Assert.Contains("CHỦ TỊCH", state.QuerySelector("textarea[name='Input.Authority']")!.TextContent, StringComparison.Ordinal);
        // Both layouts' defaults go with the page, for the switch to swap them in.
        Assert.Contains("BC-UBND", party.QuerySelector("select[name='Input.Issuer']")!.GetAttribute("data-layout-defaults"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round_FlagsUnitsBelowTarget_FiltersThoseWithATarget_AndRemindsTheirOfficers()
    {
        var secretariatEmail = TestData.UniqueEmail();
        await app.CreateUserAsync(secretariatEmail, (Role.Secretariat, TestData.HungYen));
        var secretariat = await app.ClientForAsync(await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Secretariat, TestData.HungYen)));
        var officerUser = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Officer, TestData.LuongBang));
        var officer = await app.ClientForAsync(officerUser);
        var today = VietnamClock.TodayNow;
        string Day(int d) => today.AddDays(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var name = TestData.Unique("Đợt đăng ký nhắc");
        var id = await TestData.IdOfAsync(await secretariat.PostAsJsonAsync("/api/v1/campaigns", new
        {
            name, unitCode = TestData.HungYen, opensOn = Day(-5), closesOn = Day(40),
            targets = new[] { new { unitCode = TestData.LuongBang, count = 3 } },
        }));
        var body = new Dictionary<string, object?>
        {
            ["name"] = TestData.Unique("Một mô hình"), ["field"] = "economy", ["kind"] = "collective", ["origin"] = "new", ["ownerName"] = "Hội",
            ["unitCode"] = TestData.LuongBang, ["registeredOn"] = Day(0), ["campaignId"] = id,
        };
        Assert.True((await officer.PostAsJsonAsync("/api/v1/initiatives", body)).IsSuccessStatusCode);

        var web = await HtmlClient.SignedInAsync(app, secretariatEmail);
        var targeted = HtmlClient.Parse(await (await web.Http.GetAsync($"/Campaigns/Detail/{id}?show=targeted")).Content.ReadAsStringAsync());
        var row = Assert.Single(targeted.QuerySelectorAll("#progress tbody tr"));
        Assert.Contains("below-target", row.ClassName ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("Chưa đạt chỉ tiêu", row.TextContent, StringComparison.Ordinal);
        var reminded = await web.PostFormAsync($"/Campaigns/Detail/{id}?handler=Remind", [], $"/Campaigns/Detail/{id}");
        Assert.Equal(HttpStatusCode.Redirect, reminded.StatusCode);
        var notes = System.Text.RegularExpressions.Regex.Unescape((await (await officer.GetAsync("/api/v1/notifications")).ReadJsonAsync()).GetRawText());
        Assert.Contains($"{name}\": ", notes, StringComparison.Ordinal);
        Assert.Contains("1/3", notes, StringComparison.Ordinal);
        // The same reminder reaches her mailbox, with a link back to the round.
        var mail = Assert.Single(await app.MailsToAsync(officerUser.Email!));
        Assert.Contains(name, mail.Subject, StringComparison.Ordinal);
        Assert.Contains("1/3", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/Campaigns/Detail/{id}", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicModelPage_ShowsNoReplicationHeading_OverNothing()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var id = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang, registeredOn: "2025-08-01");
        await TestData.IdOfAsync(await secretariat.PostAsJsonAsync("/api/v1/recognitions",
            new { unitCode = TestData.HungYen, number = "QĐ-" + Guid.NewGuid().ToString("N")[..6], date = "2025-12-20", level = "province", issuingBody = "BCĐ", initiativeIds = new[] { id } }));
        var elsewhere = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var copy = await elsewhere.PostAsJsonAsync($"/api/v1/initiatives/{id}/replications", new { unitCode = TestData.ThaiHoa, registeredOn = "2026-01-10", ownerName = "Hội Nông dân" });
        Assert.True(copy.IsSuccessStatusCode, await copy.Content.ReadAsStringAsync());

        var visitor = HtmlClient.Anonymous(app).Http;
        var first = await visitor.GetAsync($"/cong-khai/mo-hinh/{id}");
        var html = await (await visitor.GetAsync(first.Headers.Location ?? new Uri($"/cong-khai/mo-hinh/{id}", UriKind.Relative))).Content.ReadAsStringAsync();
        var doc = HtmlClient.Parse(html);
        Assert.Null(doc.QuerySelector("h2#replications"));
        Assert.Contains("chưa công khai", doc.QuerySelector("#replications")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegistrationForm_PreselectsTheOpenRound_AndAsksNothingOfTheLifecycle()
    {
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var today = VietnamClock.TodayNow;
        await TestData.IdOfAsync(await secretariat.PostAsJsonAsync("/api/v1/campaigns", new
        {
            name = TestData.Unique("Đợt đang mở"), unitCode = TestData.HungYen,
            opensOn = today.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            closesOn = today.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }));
        var web = await app.PageClientAsync((Role.Officer, TestData.LuongBang));
        var doc = HtmlClient.Parse(await (await web.GetAsync("/Initiatives/Edit")).Content.ReadAsStringAsync());
        var selected = doc.QuerySelector("select[name='Input.CampaignId'] option[selected]");
        Assert.NotNull(selected);
        Assert.False(string.IsNullOrEmpty(selected!.GetAttribute("value")));
        Assert.Empty(doc.QuerySelectorAll("[name='Input.Status'], [name='Input.RetiredOn'], [name='Input.RetiredReason']"));
    }
}
