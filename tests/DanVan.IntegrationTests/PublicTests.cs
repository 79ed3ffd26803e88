using System.Net;
using System.Net.Http.Json;
using DanVan.Data;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

/// <summary>The public site: only recognised, not hidden models; names by consent; search, surveys, comments, open data.</summary>
[Collection(AppCollection.Name)]
public class PublicTests(DanVanFactory app)
{
    private async Task<(HttpClient Officer, int Id, string Name, string Tag)> RecognisedAsync(string name, string kind = "collective", string owner = "Hội Nông dân")
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var tag = Guid.NewGuid().ToString("N")[..8];
        var full = $"{name} {tag}";
        var body = new Dictionary<string, object?>
        {
            ["name"] = full, ["field"] = "economy", ["kind"] = kind, ["origin"] = "new", ["ownerName"] = owner, ["unitCode"] = TestData.ThaiHoa,
            ["registeredOn"] = "2025-09-01", ["summary"] = "Cách làm: vận động nhân dân hiến đất mở đường",
        };
        var id = await TestData.IdOfAsync(await officer.PostAsJsonAsync("/api/v1/initiatives", body));
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.NgheAn));
        await TestData.IdOfAsync(await secretariat.PostAsJsonAsync("/api/v1/recognitions", new
        {
            unitCode = TestData.NgheAn, number = "QĐ-" + tag, date = "2026-02-01", level = "province", issuingBody = "BCĐ tỉnh Nghệ An", initiativeIds = new[] { id },
        }));
        return (officer, id, full, tag);
    }

    private static HtmlClient Visitor(DanVanFactory app) => HtmlClient.Anonymous(app);

    private async Task<string> PublicPageAsync(int id)
    {
        var visitor = Visitor(app).Http;
        var first = await visitor.GetAsync($"/cong-khai/mo-hinh/{id}");
        if (first.StatusCode != HttpStatusCode.MovedPermanently)
        {
            return ((int)first.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var page = await visitor.GetAsync(first.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await page.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task OnlyRecognisedVisibleModelsArePublic_AndAPersonIsNamedOnlyWithConsent()
    {
        var (officer, id, name, _) = await RecognisedAsync("Đường hoa nông thôn mới");
        var html = await PublicPageAsync(id);
        Assert.Contains(name, html, StringComparison.Ordinal);
        Assert.Contains("Công nhận cấp", html, StringComparison.Ordinal);
        Assert.Contains("og:title", html, StringComparison.Ordinal);

        var unrecognised = await TestData.CreateInitiativeAsync(officer, TestData.ThaiHoa, TestData.Unique("Chưa công nhận"));
        Assert.Equal("404", await PublicPageAsync(unrecognised));

        // Hidden by an officer: gone from page, search, open data.
        await using (var s = app.Scope())
        {
            var db = s.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Initiatives.Where(i => i.Id == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.HiddenFromPublic, true));
        }

        Assert.Equal("404", await PublicPageAsync(id));

        var person = await RecognisedAsync("Gương người cao tuổi làm kinh tế giỏi", "individual", "Ông Lò Văn Khánh");
        var withoutConsent = await PublicPageAsync(person.Id);
        Assert.Contains(person.Name, withoutConsent, StringComparison.Ordinal);
        Assert.DoesNotContain("Lò Văn Khánh", withoutConsent, StringComparison.Ordinal);
        Assert.DoesNotContain("Lò Văn Khánh", await (await Visitor(app).Http.GetAsync("/cong-khai/du-lieu-mo/mo-hinh.csv")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var s = app.Scope())
        {
            var db = s.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Initiatives.Where(i => i.Id == person.Id).ExecuteUpdateAsync(u => u.SetProperty(i => i.OwnerConsentOn, new DateOnly(2026, 3, 1)));
        }

        Assert.Contains("Lò Văn Khánh", await PublicPageAsync(person.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelPage_ListsSimilarPublicModels_SharingMostWords()
    {
        var word = "Vuonxoai" + new string(Guid.NewGuid().ToString("N")[..5].Select(c => (char)('a' + (c % 16))).ToArray());
        var (_, id, _, _) = await RecognisedAsync($"Vườn cây {word} kiểu mẫu");
        var (_, close, closeName, _) = await RecognisedAsync($"Vườn cây {word} sạch");
        var (officer, _, _, _) = await RecognisedAsync($"Chợ {word}");
        var unrecognised = await TestData.CreateInitiativeAsync(officer, TestData.ThaiHoa, $"Vườn cây {word} chưa công nhận");
        var html = await PublicPageAsync(id);
        var similar = html[html.IndexOf("id=\"similar\"", StringComparison.Ordinal)..];
        Assert.Contains($"/cong-khai/mo-hinh/{close}/", similar, StringComparison.Ordinal);
        Assert.DoesNotContain($"/cong-khai/mo-hinh/{unrecognised}/", similar, StringComparison.Ordinal);
        // The one sharing more words comes first.
        Assert.True(similar.IndexOf(closeName, StringComparison.Ordinal) < similar.IndexOf($"Chợ {word}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_IgnoresCaseAndTones_MatchesPrefixes_AndHighlights()
    {
        var (_, id, name, tag) = await RecognisedAsync("Đường hoa Dân vận khéo xóm Hoà Bình");
        var visitor = Visitor(app).Http;
        // The query text is escaped; anything after '&' is more parameters.
        async Task<string> Search(string q)
        {
            var parts = q.Split('&', 2);
            return await (await visitor.GetAsync("/cong-khai/mo-hinh?q=" + Uri.EscapeDataString(parts[0]) + (parts.Length > 1 ? "&" + parts[1] : ""))).Content.ReadAsStringAsync();
        }
        foreach (var q in new[] { $"duong hoa {tag}", $"ĐƯỜNG HOÀ {tag}", $"Đường Hòa {tag}", $"dan van kheo {tag}", $"duo {tag}" })
        {
            var html = await Search(q);
            Assert.Contains($"/cong-khai/mo-hinh/{id}/", html, StringComparison.Ordinal);
            Assert.Contains("id=\"result-count\" aria-live=\"polite\">1 mô hình", html, StringComparison.Ordinal);
        }

        var marked = await Search($"duong {tag}");
        Assert.Contains("<mark>Đường</mark>", marked, StringComparison.Ordinal);
        Assert.Contains("data-facet=\"field\"", marked, StringComparison.Ordinal);
        // Browsing by province, then by its communes (2025 map).
        var inProvince = await Search($"duong {tag}&province={TestData.NgheAn}");
        Assert.Contains("data-facet=\"commune\"", inProvince, StringComparison.Ordinal);
        Assert.Contains("Phường Thái Hòa", inProvince, StringComparison.Ordinal);
        Assert.Contains($"/cong-khai/mo-hinh/{id}/", await Search($"duong {tag}&province={TestData.NgheAn}&commune={TestData.ThaiHoa}"), StringComparison.Ordinal);
        Assert.DoesNotContain($"/cong-khai/mo-hinh/{id}/", await Search($"duong {tag}&province={TestData.NgheAn}&commune=17017"), StringComparison.Ordinal);

        // "d" is not "đ" with its stroke removed only: "dan" finds "Dân", and "đan" is the same query.
        Assert.Contains($"/cong-khai/mo-hinh/{id}/", await Search($"đan {tag}"), StringComparison.Ordinal);
        Assert.DoesNotContain($"/cong-khai/mo-hinh/{id}/", await Search($"duong hoa khong-co-tu-nay {tag}"), StringComparison.Ordinal);
        // Hostile queries are just text.
        var hostile = await visitor.GetAsync("/cong-khai/mo-hinh?q=" + Uri.EscapeDataString("\"*) OR 1=1 -- <script>") + "&year=abc&page=-5");
        Assert.Equal(HttpStatusCode.OK, hostile.StatusCode);
        Assert.DoesNotContain("<script>", await hostile.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        _ = name;
    }

    [Fact]
    public async Task Survey_CountsOneAnswerPerDevicePerDay_IgnoresBots_AndShowsOnThePage()
    {
        var (_, id, _, _) = await RecognisedAsync("Chính quyền thân thiện");
        var email = TestData.UniqueEmail();
        await app.CreateUserAsync(email, (Role.Officer, TestData.ThaiHoa));
        var officer = await HtmlClient.SignedInAsync(app, email);
        var opened = await officer.PostFormAsync($"/Surveys?initiativeId={id}&handler=Open",
            new() { ["InitiativeId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Question"] = "Ông/bà có hài lòng với cách tiếp đón không?" },
            formPage: $"/Surveys?initiativeId={id}");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        string key;
        int surveyId;
        await using (var s = app.Scope())
        {
            var db = s.ServiceProvider.GetRequiredService<AppDbContext>();
            var survey = await db.Surveys.SingleAsync(x => x.InitiativeId == id);
            (key, surveyId) = (survey.Key, survey.Id);
        }

        var poster = await officer.Http.GetAsync($"/Surveys/Poster/{surveyId}");
        Assert.Contains("<svg", await poster.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var phone = Visitor(app);
        var answer = new Dictionary<string, string> { ["Satisfied"] = "true", ["Rating"] = "5" };
        var first = await phone.PostFormAsync($"/cong-khai/khao-sat/{key}", answer);
        Assert.Contains("survey-thanks", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var again = await phone.PostFormAsync($"/cong-khai/khao-sat/{key}", new() { ["Satisfied"] = "false", ["Rating"] = "1" });
        Assert.Contains("đã trả lời khảo sát hôm nay", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var bot = await Visitor(app).PostFormAsync($"/cong-khai/khao-sat/{key}", new() { ["Satisfied"] = "false", ["Rating"] = "1", ["Website"] = "http://spam" });
        Assert.Contains("survey-thanks", await bot.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var incomplete = await Visitor(app).PostFormAsync($"/cong-khai/khao-sat/{key}", new() { ["Rating"] = "9" });
        Assert.Contains("Xin chọn Hài lòng", await incomplete.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var second = await Visitor(app).PostFormAsync($"/cong-khai/khao-sat/{key}", new() { ["Satisfied"] = "false", ["Rating"] = "2" });
        Assert.Contains("survey-thanks", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using (var s = app.Scope())
        {
            var db = s.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(2, await db.SurveyAnswers.CountAsync(a => a.SurveyId == surveyId));
        }

        Assert.Contains("1/2</strong> phiếu hài lòng", await PublicPageAsync(id), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Visitor(app).Http.GetAsync("/cong-khai/khao-sat/khong-co-khao-sat-nay")).StatusCode);
    }

    [Fact]
    public async Task Comment_IsHeldUntilAnOfficerPublishesIt_RejectionNeedsAReason_AndStrangersCannotModerate()
    {
        var (_, id, _, tag) = await RecognisedAsync("Tổ tự quản an ninh");
        var citizen = Visitor(app);
        var text = $"Đề nghị nhân rộng ra các xóm khác {tag}";
        // Posted from the form on the model's own page (its antiforgery token included).
        var pageUrl = (await citizen.Http.GetAsync($"/cong-khai/mo-hinh/{id}")).Headers.Location!.OriginalString;
        var posted = await citizen.PostFormAsync($"/cong-khai/mo-hinh/{id}/gop-y", new() { ["Text"] = text, ["AuthorName"] = "Chị Hoa" }, formPage: pageUrl);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.DoesNotContain(text, await PublicPageAsync(id), StringComparison.Ordinal);
        var empty = await citizen.PostFormAsync($"/cong-khai/mo-hinh/{id}/gop-y", new() { ["Text"] = "  " });
        Assert.Contains("ít nhất 5 ký tự", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var email = TestData.UniqueEmail();
        var officerUser = await app.CreateUserAsync(email, (Role.Officer, TestData.ThaiHoa));
        int commentId;
        await using (var s = app.Scope())
        {
            var db = s.ServiceProvider.GetRequiredService<AppDbContext>();
            commentId = await db.CitizenComments.Where(c => c.Text == text).Select(c => c.Id).SingleAsync();
            Assert.Equal(1, await db.CitizenComments.CountAsync(c => c.InitiativeId == id));
            // Officers covering the unit were told (those existing when it was posted).
            Assert.True(await db.Notifications.AnyAsync(n => n.Link == "/Feedback" && n.Text.Contains("Tổ tự quản an ninh")));
        }

        var officer = await HtmlClient.SignedInAsync(app, email);
        var (queue, _) = await officer.GetAsync("/Feedback");
        Assert.Contains(text, await queue.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var strangerEmail = TestData.UniqueEmail();
        await app.CreateUserAsync(strangerEmail, (Role.Officer, TestData.LuongBang));
        var stranger = await HtmlClient.SignedInAsync(app, strangerEmail);
        var (strangerQueue, _) = await stranger.GetAsync("/Feedback");
        Assert.DoesNotContain(text, await strangerQueue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var hijack = await stranger.PostFormAsync($"/Feedback?handler=Publish", new() { ["id"] = commentId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Version"] = "1" }, formPage: "/Organizations/Edit");
        Assert.False(hijack.IsSuccessStatusCode || hijack.StatusCode == HttpStatusCode.Redirect, $"{(int)hijack.StatusCode}");

        var noReason = await officer.PostFormAsync("/Feedback?handler=Reject", new() { ["id"] = commentId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Version"] = "1", ["Reason"] = "" }, formPage: "/Feedback");
        Assert.Contains("Cần ghi lý do", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var publish = await officer.PostFormAsync("/Feedback?handler=Publish", new() { ["id"] = commentId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Version"] = "1" }, formPage: "/Feedback");
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        var page = await PublicPageAsync(id);
        Assert.Contains(text, page, StringComparison.Ordinal);
        Assert.Contains("Chị Hoa", page, StringComparison.Ordinal);
        _ = officerUser;
    }

    [Fact]
    public async Task OpenDataAndSitemap_ListOnlyPublicModels_AndUnmarkedPhotosStayPrivate()
    {
        var (officer, id, name, _) = await RecognisedAsync("Thắp sáng đường quê");
        var hidden = TestData.Unique("Không công khai");
        await TestData.CreateInitiativeAsync(officer, TestData.ThaiHoa, hidden);
        var visitor = Visitor(app).Http;
        var csv = await visitor.GetAsync("/cong-khai/du-lieu-mo/mo-hinh.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var csvText = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("id,name,field,kind", csvText.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(name, csvText, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden, csvText, StringComparison.Ordinal);
        var json = await (await visitor.GetAsync("/cong-khai/du-lieu-mo/mo-hinh.json")).ReadJsonAsync();
        Assert.Contains(json.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == id && i.GetProperty("highestLevel").GetString() == "province");
        var sitemap = await (await visitor.GetAsync("/sitemap.xml")).Content.ReadAsStringAsync();
        Assert.Contains($"/cong-khai/mo-hinh/{id}/thap-sang-duong-que-", sitemap, StringComparison.Ordinal);
        Assert.Contains("Sitemap:", await (await visitor.GetAsync("/robots.txt")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A photo not marked public is not served to the public, even for a public model.
        var report = await TestData.IdOfAsync(await officer.PostAsJsonAsync($"/api/v1/initiatives/{id}/results", new { periodKind = "quarter", periodStart = "2026-01-01", narrative = "Đã lắp 120 bóng đèn", values = Array.Empty<object>() }));
        var evidence = await TestData.IdOfAsync(await officer.PostAsync($"/api/v1/results/{report}/evidence", TestData.FileContent(TestData.Png, "anh.png")));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/cong-khai/anh/{evidence}")).StatusCode);
        await using (var s = app.Scope())
        {
            var db = s.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Set<EvidenceFile>().Where(e => e.Id == evidence).ExecuteUpdateAsync(u => u.SetProperty(e => e.Public, true));
        }

        var photo = await visitor.GetAsync($"/cong-khai/anh/{evidence}");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Home_ShowsHeadlineFigures_AndAnonymousRootGoesThere()
    {
        await RecognisedAsync("Dòng họ khuyến học");
        var visitor = Visitor(app).Http;
        var root = await visitor.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/cong-khai", root.Headers.Location?.OriginalString);
        async Task<long> TotalAsync()
        {
            var doc = HtmlClient.Parse(await (await visitor.GetAsync("/cong-khai")).Content.ReadAsStringAsync());
            Assert.NotEmpty(doc.QuerySelectorAll("#latest article"));
            return long.Parse(doc.QuerySelector("#public-total")!.TextContent.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        }

        var before = await TotalAsync();
        Assert.True(before >= 1);
        // The page is kept in the output cache, and dropped when a recognition is saved.
        Assert.Equal(before, await TotalAsync());
        var (_, _, name, _) = await RecognisedAsync("Camera an ninh");
        Assert.True(await TotalAsync() > before);
        Assert.Contains(name, await (await visitor.GetAsync("/cong-khai")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_WarnsOfASimilarModelInTheSameUnit_AndRegistersOnceConfirmed()
    {
        var officerApi = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var tag = Guid.NewGuid().ToString("N")[..8];
        await TestData.CreateInitiativeAsync(officerApi, TestData.ThaiHoa, $"Nuôi ong lấy mật {tag}");
        var email = TestData.UniqueEmail();
        await app.CreateUserAsync(email, (Role.Officer, TestData.ThaiHoa));
        var web = await HtmlClient.SignedInAsync(app, email);
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = $"Nuôi ong lấy mật {tag} xóm Đông", ["Input.Field"] = "Economy", ["Input.Kind"] = "Collective", ["Input.Origin"] = "New",
            ["Input.OwnerName"] = "Chi hội Nông dân", ["Input.UnitCode"] = TestData.ThaiHoa, ["Input.RegisteredOn"] = "2026-05-01", ["Input.Status"] = "Active",
        };
        async Task<int> CountAsync()
        {
            await using var s = app.Scope();
            return await s.ServiceProvider.GetRequiredService<AppDbContext>().Initiatives.CountAsync(i => i.Name.Contains(tag));
        }

        var warned = await web.PostFormAsync("/Initiatives/Edit", fields);
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("similar-warning", await warned.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync());

        fields["ConfirmSimilar"] = "true";
        var created = await web.PostFormAsync("/Initiatives/Edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(2, await CountAsync());

        // A different model of the same unit is not held up.
        fields.Remove("ConfirmSimilar");
        fields["Input.Name"] = $"Câu lạc bộ dưỡng sinh người cao tuổi {tag}";
        Assert.Equal(HttpStatusCode.Redirect, (await web.PostFormAsync("/Initiatives/Edit", fields)).StatusCode);
    }
}
