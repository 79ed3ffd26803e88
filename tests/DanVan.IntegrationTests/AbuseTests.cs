using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Account;
using DanVan.Features.Imports;
using DanVan.Infrastructure;
using DanVan.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

/// <summary>
/// "Nothing one user sends can stop the service": the findings of that issue, each replayed — a broken file, a
/// session that outlives its end, a forged cross-site call, survey stuffing, names in free text, unbounded input,
/// weak accounts.
/// </summary>
[Collection(AppCollection.Name)]
public class AbuseTests(DanVanFactory app)
{
    private const string Header = "Mã,Tên mô hình *,Mã đơn vị *,Bản đồ,Lĩnh vực *,Loại *,Nguồn gốc,Nhân rộng từ,Chủ thể *,Ngày đăng ký *,Trạng thái,Ngày loại bỏ,Cấp công nhận,Ngày công nhận,Số quyết định";

    internal static async Task<JsonElement> ImportAsync(HttpClient api, byte[] bytes, string fileName, bool dryRun = true)
    {
        var content = TestData.FileContent(bytes, fileName);
        content.Add(new StringContent(dryRun ? "true" : "false"), "dryRun");
        var posted = await api.PostAsync("/api/v1/imports", content);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        return await WaitAsync(api, (await posted.ReadJsonAsync()).GetProperty("id").GetInt32());
    }

    internal static async Task<JsonElement> WaitAsync(HttpClient api, int id)
    {
        JsonElement job = default;
        for (var k = 0; k < 240; k++)
        {
            job = await (await api.GetAsync($"/api/v1/imports/{id}")).ReadJsonAsync();
            if (job.GetProperty("status").GetString() is "succeeded" or "failed")
            {
                return job;
            }

            await Task.Delay(100);
        }

        return job;
    }

    internal static string Reason(JsonElement job) =>
        string.Join(" ", job.GetProperty("errors").EnumerateArray().SelectMany(e => e.GetProperty("errors").EnumerateArray().Select(x => x.GetString())));

    /// <summary>A real .xlsx of the import's columns with one good row.</summary>
    internal static byte[] GoodXlsx() => Xlsx.Write("Mô hình", "Danh sách", "Ghi chú", InitiativeImport.Keys.Select(k => InitiativeImport.Labels[k]).ToList(),
        [["X1", "Mô hình tốt", TestData.LuongBang, "2025", "Kinh tế", "Tập thể", "Mới", null, "Hội Nông dân", "15/08/2025", null, null, null, null, null]]);

    // Finding 1: one file stops the whole app.
    [Fact]
    public async Task CutOffWorkbook_FailsItsJobWithAReason_AndTheAppGoesOn()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var good = GoodXlsx();
        // The worksheet part cut in half: the zip is sound, its XML is not.
        var cut = Rewrite(good, "xl/worksheets/sheet1.xml", bytes => bytes[..(bytes.Length / 2)]);
        var job = await ImportAsync(officer, cut, "cat-ngang.xlsx");
        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Contains("Không đọc được tệp", Reason(job), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/healthz")).StatusCode);

        // The queue still works for the next file.
        var next = await ImportAsync(officer, good, "tot.xlsx");
        Assert.Equal("succeeded", next.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Csv_InVietnameseExcelsCodePage_IsConverted_AndAnUnknownEncodingIsRefusedInWords()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var name = "Nuôi ong lấy mật " + Guid.NewGuid().ToString("N")[..5];
        var csv = Header + $"\nW1,{name},{TestData.LuongBang},2025,Kinh tế,Tập thể,,,Hội Phụ nữ xã,15/08/2025,,,,,";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        // Windows-1258 has ă â ê ô ơ ư đ as letters and the five tones as combining marks, as Vietnamese Excel writes them.
        var bytes = Encoding.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetBytes(Cp1258Spelling(csv));
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));
        var job = await ImportAsync(officer, bytes, "excel-viet.csv", dryRun: false);
        Assert.True(job.GetProperty("status").GetString() == "succeeded", Reason(job));
        await using (var s = app.Scope())
        {
            var db = s.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.True(await db.Initiatives.AnyAsync(i => i.Name == name), "the name came through composed (NFC) and whole");
        }

        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Header + $"\nW2,Mô hình UTF-16,{TestData.LuongBang},2025,Kinh tế,Tập thể,,,Hội,15/08/2025,,,,,")).ToArray();
        Assert.Equal("succeeded", (await ImportAsync(officer, utf16, "unicode.csv")).GetProperty("status").GetString());

        var utf32 = Encoding.UTF32.GetBytes(Header);
        var refused = await ImportAsync(officer, utf32, "utf32.csv");
        Assert.Equal("failed", refused.GetProperty("status").GetString());
        Assert.Contains("bảng mã", Reason(refused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobLeftRunningByCrashesThreeTimes_IsFailedWithAReason()
    {
        var user = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Officer, TestData.LuongBang));
        int id;
        await using (var s = app.Scope())
        {
            var db = s.ServiceProvider.GetRequiredService<AppDbContext>();
            var job = new ImportJob
            {
                UserId = user.Id, UserName = user.UserName, FileName = "x.csv", StoredFile = "/nonexistent", Status = ImportStatus.Running, CreatedAt = DateTimeOffset.UtcNow,
                ClaimedBy = "a-node-that-died", HeartbeatAt = DateTimeOffset.UtcNow.AddHours(-1), Attempts = ImportJobs.MaxAttempts,
            };
            db.ImportJobs.Add(job);
            await db.SaveChangesAsync();
            id = job.Id;
            Assert.True(await ImportJobs.ReclaimAsync(db, TimeProvider.System, TimeSpan.FromSeconds(30), default) >= 1);
        }

        var api = await app.ClientForAsync(user);
        var view = await (await api.GetAsync($"/api/v1/imports/{id}")).ReadJsonAsync();
        Assert.Equal("failed", view.GetProperty("status").GetString());
        Assert.Contains("khởi động lại", Reason(view), StringComparison.Ordinal);
    }

    // Finding 2: sessions outlive logout and lock.
    [Fact]
    public async Task SavedCookie_IsDeadAfterLogout()
    {
        var email = TestData.UniqueEmail();
        await app.CreateUserAsync(email, (Role.Officer, TestData.LuongBang));
        var cookie = await SignInCookieAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(cookie)).StatusCode);

        var web = await HtmlClient.SignedInAsync(app, email);
        await web.PostFormAsync("/Account/Logout", [], "/Account/Manage");
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(cookie)).StatusCode); // another session of the same person goes on

        var (_, page) = await RawGetAsync("/Account/Manage", cookie);
        var token = HtmlClient.Parse(page).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await RawPostAsync("/Account/Logout", cookie, new() { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(cookie)).StatusCode);
    }

    [Fact]
    public async Task Lock_PasswordChange_AndRoleChange_EndTheOtherSessions_AndLockAndPasswordRevokeTokens()
    {
        // Lock.
        var email = TestData.UniqueEmail();
        var user = await app.CreateUserAsync(email, (Role.Officer, TestData.LuongBang));
        var cookie = await SignInCookieAsync(email);
        var token = await app.CreateTokenAsync(user);
        var admin = await AdminWebAsync();
        var (editPage, _) = await admin.GetAsync($"/Admin/Users/Edit/{user.Id}");
        Assert.True(editPage.StatusCode == HttpStatusCode.OK, $"{(int)editPage.StatusCode} {editPage.Headers.Location}");
        var locked = await admin.PostFormAsync($"/Admin/Users/Edit/{user.Id}?handler=Lock&locked=true", [], $"/Admin/Users/Edit/{user.Id}");
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await BearerMeAsync(token)).StatusCode);

        // A new password: the other sessions end, tokens are revoked, the session that changed it goes on.
        var email2 = TestData.UniqueEmail();
        var user2 = await app.CreateUserAsync(email2, (Role.Officer, TestData.LuongBang));
        var other = await SignInCookieAsync(email2);
        var token2 = await app.CreateTokenAsync(user2);
        var self = await HtmlClient.SignedInAsync(app, email2);
        var changed = await self.PostFormAsync("/Account/Manage?handler=Password",
            new() { ["Input.Current"] = TestData.Password, ["Input.New"] = "Ca-phe-sua-da-2026!", ["Input.Confirm"] = "Ca-phe-sua-da-2026!" }, "/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(other)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await BearerMeAsync(token2)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await self.Http.GetAsync("/api/v1/me")).StatusCode);

        // A role given or taken: sign in again.
        var email3 = TestData.UniqueEmail();
        var user3 = await app.CreateUserAsync(email3, (Role.Officer, TestData.LuongBang));
        var third = await SignInCookieAsync(email3);
        var granted = await admin.PostFormAsync($"/Admin/Users/Edit/{user3.Id}?handler=Grant", new() { ["Grant.Role"] = "Viewer", ["Grant.UnitCode"] = TestData.HungYen },
            $"/Admin/Users/Edit/{user3.Id}");
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(third)).StatusCode);
    }

    [Fact]
    public async Task ApiTokens_Expire_AndTheirCreationAsksForThePassword()
    {
        var email = TestData.UniqueEmail();
        var user = await app.CreateUserAsync(email, (Role.Officer, TestData.LuongBang));
        var token = await app.CreateTokenAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await BearerMeAsync(token)).StatusCode);
        await using (var s = app.Scope())
        {
            var db = s.ServiceProvider.GetRequiredService<AppDbContext>();
            var record = await db.ApiTokens.SingleAsync(t => t.UserId == user.Id);
            Assert.Equal(ApiTokenService.DefaultDays, (int)Math.Round((record.ExpiresAt!.Value - record.CreatedAt).TotalDays));
            await db.ApiTokens.Where(t => t.Id == record.Id).ExecuteUpdateAsync(x => x.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await BearerMeAsync(token)).StatusCode);

        var web = await HtmlClient.SignedInAsync(app, email);
        var noPassword = await web.PostFormAsync("/Account/Manage/Tokens?handler=Create", new() { ["Name"] = "kịch bản", ["Days"] = "30", ["Password"] = "Sai-mat-khau-99" });
        Assert.DoesNotContain("token-once", await noPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var made = await web.PostFormAsync("/Account/Manage/Tokens?handler=Create", new() { ["Name"] = "kịch bản", ["Days"] = "30", ["Password"] = TestData.Password });
        Assert.Contains("token-once", await made.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // Finding 3: cookie-authenticated API calls from another site.
    [Fact]
    public async Task CookieApiCall_WithoutTheAntiforgeryHeader_IsRefused_AndChangesNothing()
    {
        var email = TestData.UniqueEmail();
        await app.CreateUserAsync(email, (Role.Officer, TestData.LuongBang));
        var web = await HtmlClient.SignedInAsync(app, email);
        var csv = Encoding.UTF8.GetBytes(Header + $"\nF1,Giả mạo,{TestData.LuongBang},2025,Kinh tế,Tập thể,,,Hội,15/08/2025,,,,,");
        int before;
        await using (var s = app.Scope())
        {
            before = await s.ServiceProvider.GetRequiredService<AppDbContext>().ImportJobs.CountAsync();
        }

        var forged = await web.Http.PostAsync("/api/v1/imports", TestData.FileContent(csv, "x.csv"));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await web.Http.PostAsync("/api/v1/notifications/read", null)).StatusCode);
        await using (var s = app.Scope())
        {
            Assert.Equal(before, await s.ServiceProvider.GetRequiredService<AppDbContext>().ImportJobs.CountAsync());
        }

        // The site's own page can: it sends the token from its form as the header.
        var (_, page) = await web.GetAsync("/Imports");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports") { Content = TestData.FileContent(csv, "x.csv") };
        request.Headers.Add("RequestVerificationToken", token);
        Assert.Equal(HttpStatusCode.Accepted, (await web.Http.SendAsync(request)).StatusCode);
    }

    // Finding 4: survey stuffing.
    [Fact]
    public async Task SurveyAnswers_ManyFromOneAddressInMinutes_AreHeld_UntilAnOfficerCountsThem()
    {
        var (officerWeb, id, key, surveyId) = await SurveyAsync();
        var answered = 0;
        for (var i = 0; i < 11; i++)
        {
            // A fresh client each time: no device cookie, as a script that drops it.
            var r = await HtmlClient.Anonymous(app).PostFormAsync($"/cong-khai/khao-sat/{key}", new() { ["Satisfied"] = "true", ["Rating"] = "5" });
            answered += (await r.Content.ReadAsStringAsync()).Contains("survey-thanks", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.Equal(11, answered);
        await using (var s = app.Scope())
        {
            var db = s.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(5, await db.SurveyAnswers.CountAsync(a => a.SurveyId == surveyId && !a.Held));
            Assert.Equal(6, await db.SurveyAnswers.CountAsync(a => a.SurveyId == surveyId && a.Held));
        }

        var page = await (await officerWeb.Http.GetAsync($"/Surveys?initiativeId={id}")).Content.ReadAsStringAsync();
        Assert.Contains("survey-held", page, StringComparison.Ordinal);
        var accept = await officerWeb.PostFormAsync($"/Surveys?initiativeId={id}&handler=Held",
            new() { ["InitiativeId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["surveyId"] = surveyId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["accept"] = "true" },
            $"/Surveys?initiativeId={id}");
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        await using (var s = app.Scope())
        {
            Assert.Equal(11, await s.ServiceProvider.GetRequiredService<AppDbContext>().SurveyAnswers.CountAsync(a => a.SurveyId == surveyId && !a.Held));
        }
    }

    // Finding 5: names without consent in free text.
    [Fact]
    public async Task IndividualsStory_IsPublicOnlyWithConsent_AndErasureRedactsTheNameEverywhere()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var person = "Hoàng Thị Mến";
        var officer = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var id = await TestData.IdOfAsync(await officer.PostAsJsonAsync("/api/v1/initiatives", new Dictionary<string, object?>
        {
            ["name"] = $"Gương vận động hiến đất {tag}", ["field"] = "economy", ["kind"] = "individual", ["origin"] = "new", ["ownerName"] = person,
            ["unitCode"] = TestData.ThaiHoa, ["registeredOn"] = "2025-09-01",
            ["summary"] = $"Bà {person} vận động 12 hộ hiến đất làm đường xomrieng{tag}", ["goals"] = $"Chị HOÀNG THỊ MẾN cùng chi hội", ["method"] = "Gặp từng hộ",
        }));
        await officer.PostAsJsonAsync($"/api/v1/initiatives/{id}/results", new { periodKind = "year", periodStart = "2025-01-01", narrative = $"Năm 2025 bà Hoang Thi Men đã vận động thêm 3 hộ", values = Array.Empty<object>() });
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.NgheAn));
        await TestData.IdOfAsync(await secretariat.PostAsJsonAsync("/api/v1/recognitions",
            new { unitCode = TestData.NgheAn, number = "QĐ-" + tag, date = "2026-02-01", level = "province", issuingBody = "BCĐ", initiativeIds = new[] { id } }));

        var visitor = HtmlClient.Anonymous(app).Http;
        var moved = await visitor.GetAsync($"/cong-khai/mo-hinh/{id}");
        var publicPage = await (await visitor.GetAsync(moved.Headers.Location ?? new Uri($"/cong-khai/mo-hinh/{id}", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains(tag, publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Thị Mến", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Men đã vận động", publicPage, StringComparison.Ordinal);
        var search = await (await visitor.GetAsync($"/cong-khai/mo-hinh?q=xomrieng{tag}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain($"Gương vận động hiến đất {tag}", search, StringComparison.Ordinal);

        // Erasure lists the mentions, then redacts every one and records where.
        var export = await (await secretariat.GetAsync("/api/v1/personal-data?name=" + Uri.EscapeDataString(person))).ReadJsonAsync();
        var fields = export.GetProperty("mentions").EnumerateArray().Select(m => m.GetProperty("kind").GetString() + "." + m.GetProperty("field").GetString()).ToList();
        Assert.Contains("initiative.summary", fields);
        Assert.Contains("initiative.goals", fields);
        Assert.Contains("result_report.narrative", fields);
        var erased = await secretariat.PostAsJsonAsync("/api/v1/personal-data/erase", new { name = person, reason = "Yêu cầu của chủ thể" });
        Assert.True(erased.IsSuccessStatusCode, await erased.Content.ReadAsStringAsync());
        await using var s = app.Scope();
        var db = s.ServiceProvider.GetRequiredService<AppDbContext>();
        var record = await db.Initiatives.AsNoTracking().SingleAsync(i => i.Id == id);
        Assert.DoesNotContain("Mến", record.Summary!, StringComparison.Ordinal);
        Assert.DoesNotContain("MẾN", record.Goals!, StringComparison.Ordinal);
        Assert.Contains(Redaction.Replacement, record.Summary!, StringComparison.Ordinal);
        var narrative = await db.ResultReports.AsNoTracking().Where(r => r.InitiativeId == id).Select(r => r.Narrative).SingleAsync();
        Assert.DoesNotContain("Hoang Thi Men", narrative!, StringComparison.Ordinal);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Initiative) && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(a => a.Changes).ToListAsync();
        Assert.DoesNotContain(audit, c => c != null && (c.Contains("Mến", StringComparison.Ordinal) || c.Contains("M\\u1EBFn", StringComparison.OrdinalIgnoreCase)));
        var line = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "personal-data-erased").OrderByDescending(a => a.Id).Select(a => a.Changes).FirstAsync();
        Assert.Contains("initiative.summary", line!, StringComparison.Ordinal);
    }

    // Finding 6: unbounded input.
    [Fact]
    public async Task Collections_HaveLimits_AndNewMeasuresWaitForApproval()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var id = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang);
        var values = Enumerable.Range(0, 20_000).Select(k => new { indicator = "Chỉ số " + k, value = 1m, measureUnitId = 1 }).ToArray();
        var many = await officer.PostAsJsonAsync($"/api/v1/initiatives/{id}/results", new { periodKind = "year", periodStart = "2025-01-01", values });
        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
        Assert.Contains("tối đa 50", Strings(await many.ReadJsonAsync()), StringComparison.Ordinal);

        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var ids = Enumerable.Range(1, 200_000).ToArray();
        var huge = await secretariat.PostAsJsonAsync("/api/v1/recognitions", new { unitCode = TestData.HungYen, number = "1-QĐ", date = "2026-01-01", level = "province", issuingBody = "BCĐ", initiativeIds = ids });
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);

        // Measures an officer invents are hers alone until the secretariat approves; at most 20 wait at a time.
        var tag = Guid.NewGuid().ToString("N")[..5];
        var tooMany = Enumerable.Range(0, 21).Select(k => new { indicator = "Số hộ " + k, value = 1m, newMeasure = $"qua{tag}-{k}" }).ToArray();
        var refused = await officer.PostAsJsonAsync($"/api/v1/initiatives/{id}/results", new { periodKind = "month", periodStart = "2026-03-01", values = tooMany });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("chờ duyệt", Strings(await refused.ReadJsonAsync()), StringComparison.Ordinal);
        var proposed = await officer.PostAsJsonAsync($"/api/v1/initiatives/{id}/results",
            new { periodKind = "month", periodStart = "2026-04-01", values = new[] { new { indicator = "Số hộ", value = 1m, newMeasure = $"đv{tag}-0" } } });
        Assert.True(proposed.IsSuccessStatusCode, await proposed.Content.ReadAsStringAsync());
        Assert.Contains($"đv{tag}-0", Strings(await (await officer.GetAsync("/api/v1/measures")).ReadJsonAsync()), StringComparison.Ordinal);
        var otherOfficer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var seen = Strings(await (await otherOfficer.GetAsync("/api/v1/measures")).ReadJsonAsync());
        Assert.DoesNotContain($"đv{tag}-0", seen, StringComparison.Ordinal);
        var proposals = await (await secretariat.GetAsync("/api/v1/measures/proposals")).ReadJsonAsync();
        var first = proposals.EnumerateArray().First(p => p.GetProperty("name").GetString() == $"đv{tag}-0").GetProperty("id").GetInt32();
        Assert.Contains((await officer.PostAsync($"/api/v1/measures/{first}/approve", null)).StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.Contains((await secretariat.PostAsync($"/api/v1/measures/{first}/approve?countryWide=true", null)).StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PostAsync($"/api/v1/measures/{first}/approve", null)).StatusCode);
        Assert.Contains($"đv{tag}-0", Strings(await (await otherOfficer.GetAsync("/api/v1/measures")).ReadJsonAsync()), StringComparison.Ordinal);
        var elsewhere = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        Assert.DoesNotContain($"đv{tag}-0", Strings(await (await elsewhere.GetAsync("/api/v1/measures")).ReadJsonAsync()), StringComparison.Ordinal);
    }

    // Finding 7: weak accounts.
    [Fact]
    public async Task SignIn_AnswersTheSameForUnknownWrongAndLocked_AndCommonPasswordsAreRefused()
    {
        var email = TestData.UniqueEmail();
        var lockedEmail = TestData.UniqueEmail();
        await app.CreateUserAsync(email, (Role.Officer, TestData.LuongBang));
        var lockedUser = await app.CreateUserAsync(lockedEmail, (Role.Officer, TestData.LuongBang));
        await using (var s = app.Scope())
        {
            var users = s.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(lockedUser.Id))!, DateTimeOffset.MaxValue);
        }

        async Task<string> AnswerAsync(string who, string password)
        {
            var r = await HtmlClient.Anonymous(app).PostFormAsync("/Account/Login", new() { ["Input.Email"] = who, ["Input.Password"] = password });
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            return HtmlClient.Parse(await r.Content.ReadAsStringAsync()).QuerySelector(".validation-summary-errors, [data-valmsg-summary]")!.TextContent.Trim();
        }

        var unknown = await AnswerAsync("khong-co-ai@test.danvan.vn", TestData.Password);
        Assert.Equal(unknown, await AnswerAsync(email, "Sai-mat-khau-1"));
        Assert.Equal(unknown, await AnswerAsync(lockedEmail, TestData.Password));
        Assert.Contains(LoginModel.Refused, unknown, StringComparison.Ordinal);

        var web = await HtmlClient.SignedInAsync(app, email);
        foreach (var weak in new[] { "Password12", "Matkhau123", "Qwerty12345" })
        {
            var r = await web.PostFormAsync("/Account/Manage?handler=Password", new() { ["Input.Current"] = TestData.Password, ["Input.New"] = weak, ["Input.Confirm"] = weak }, "/Account/Manage");
            Assert.Contains("quá dễ đoán", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await using (var s = app.Scope())
        {
            var users = s.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var created = await users.CreateAsync(new AppUser { UserName = "yeu@test.danvan.vn", Email = "yeu@test.danvan.vn", FullName = "Yếu" }, "Password12");
            Assert.False(created.Succeeded);
        }
    }

    [Fact]
    public async Task TwoStep_CannotBeTurnedOffWithoutThePassword()
    {
        var email = TestData.UniqueEmail();
        var user = await app.CreateUserAsync(email, (Role.Officer, TestData.LuongBang));
        var web = await HtmlClient.SignedInAsync(app, email);
        await using (var s = app.Scope())
        {
            var users = s.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetTwoFactorEnabledAsync((await users.FindByIdAsync(user.Id))!, true);
        }

        var refused = await web.PostFormAsync("/Account/Manage/TwoFactor?handler=Disable", new() { ["Password"] = "Sai-mat-khau-1" });
        Assert.Contains("mật khẩu hiện tại", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var s = app.Scope())
        {
            Assert.True((await s.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(user.Id))!.TwoFactorEnabled);
        }

        var done = await web.PostFormAsync("/Account/Manage/TwoFactor?handler=Disable", new() { ["Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
    }

    // Letters with a shape mark stay whole; tone marks (grave, hook, tilde, acute, dot below) follow as combining marks.
    private static string Cp1258Spelling(string text)
    {
        var b = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            var d = c.ToString().Normalize(NormalizationForm.FormD);
            var shape = new string(d.Where(m => m is '\u0302' or '\u0306' or '\u031B').ToArray());
            var tones = new string(d.Skip(1).Where(m => m is not ('\u0302' or '\u0306' or '\u031B')).ToArray());
            b.Append((d[0] + shape).Normalize(NormalizationForm.FormC)).Append(tones);
        }

        return b.ToString();
    }

    private async Task<(HtmlClient Officer, int Id, string Key, int SurveyId)> SurveyAsync()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var id = await TestData.CreateInitiativeAsync(officer, TestData.ThaiHoa);
        var email = TestData.UniqueEmail();
        await app.CreateUserAsync(email, (Role.Officer, TestData.ThaiHoa));
        var web = await HtmlClient.SignedInAsync(app, email);
        var opened = await web.PostFormAsync($"/Surveys?initiativeId={id}&handler=Open",
            new() { ["InitiativeId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Question"] = "Hài lòng?" }, $"/Surveys?initiativeId={id}");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        await using var s = app.Scope();
        var survey = await s.ServiceProvider.GetRequiredService<AppDbContext>().Surveys.SingleAsync(x => x.InitiativeId == id);
        return (web, id, survey.Key, survey.Id);
    }

    private async Task<HtmlClient> AdminWebAsync()
    {
        var email = TestData.UniqueEmail();
        await app.CreateUserAsync(email, (Role.Admin, null));
        return await HtmlClient.SignedInAsync(app, email);
    }

    // A browser's saved sign-in cookie, kept by the test to replay later.
    private async Task<string> SignInCookieAsync(string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var get = await client.GetAsync("/Account/Login");
        var antiforgery = string.Join("; ", get.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = HtmlClient.Parse(await get.Content.ReadAsStringAsync()).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = TestData.Password, ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var auth = signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("danvan.auth", StringComparison.Ordinal));
        return antiforgery + "; " + string.Join("; ", auth);
    }

    private async Task<HttpResponseMessage> MeAsync(string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> BearerMeAsync(string token)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return await client.GetAsync("/api/v1/me");
    }

    private async Task<(HttpResponseMessage Response, string Body)> RawGetAsync(string url, string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> RawPostAsync(string url, string cookie, Dictionary<string, string> fields)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static byte[] Rewrite(byte[] zip, string entry, Func<byte[], byte[]> change)
    {
        using var input = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var e in input.Entries)
            {
                using var from = e.Open();
                using var buffer = new MemoryStream();
                from.CopyTo(buffer);
                var bytes = e.FullName == entry ? change(buffer.ToArray()) : buffer.ToArray();
                using var to = target.CreateEntry(e.FullName).Open();
                to.Write(bytes);
            }
        }

        return output.ToArray();
    }

    internal static string Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString()!,
        JsonValueKind.Object => string.Join(" ", e.EnumerateObject().Select(p => Strings(p.Value))),
        JsonValueKind.Array => string.Join(" ", e.EnumerateArray().Select(Strings)),
        _ => string.Empty,
    };

    [Fact]
    public async Task Admin_ResetsAForgottenPassword_ToATemporaryOneShownOnce()
    {
        var email = TestData.UniqueEmail();
        var user = await app.CreateUserAsync(email, (Role.Officer, TestData.LuongBang));
        var cookie = await SignInCookieAsync(email);
        var secretariat = await HtmlClient.SignedInAsync(app, await SecretariatEmailAsync());
        var response = await secretariat.PostFormAsync($"/Admin/Users/Edit/{user.Id}?handler=ResetPassword", [], $"/Admin/Users/Edit/{user.Id}");
        var doc = HtmlClient.Parse(await response.Content.ReadAsStringAsync());
        var password = doc.QuerySelector("#temporary-password")!.TextContent.Trim();
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(cookie)).StatusCode);
        var back = await HtmlClient.SignedInAsync(app, email, password);
        // A temporary password opens only the page that changes it (pages redirect there, the API says why).
        Assert.Equal(HttpStatusCode.Forbidden, (await back.Http.GetAsync("/api/v1/me")).StatusCode);
        var home = await back.Http.GetAsync("/Initiatives");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/Account/Manage?mustChange=1", home.Headers.Location!.OriginalString);
        var (_, manage) = await back.GetAsync("/Account/Manage");
        Assert.NotNull(manage.QuerySelector("#must-change"));
        const string Own = "Đồng lúa Lương Bằng mùa 2026";
        var changed = await back.PostFormAsync("/Account/Manage?handler=Password", new() { ["Input.Current"] = password, ["Input.New"] = Own, ["Input.Confirm"] = Own }, "/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await back.Http.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await back.Http.GetAsync("/Initiatives")).StatusCode);
        var (_, again) = await secretariat.GetAsync($"/Admin/Users/Edit/{user.Id}");
        Assert.Null(again.QuerySelector("#temporary-password"));
    }

    private async Task<string> SecretariatEmailAsync()
    {
        var email = TestData.UniqueEmail();
        await app.CreateUserAsync(email, (Role.Secretariat, TestData.HungYen));
        return email;
    }
}
