using System.Net;
using System.Net.Http.Json;
using DanVan.Data;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

/// <summary>
/// Forms that had no journey of their own (the form inventory lists every form and the test that submits it): each is
/// posted as its page posts it, by its user, and saves; a wrong value shows its field's error, in Vietnamese, and keeps
/// what was typed.
/// </summary>
[Collection(AppCollection.Name)]
public class FormJourneyTests(DanVanFactory app)
{
    private static string Errors(AngleSharp.Html.Dom.IHtmlDocument page) =>
        string.Join(" | ", page.QuerySelectorAll(".validation-summary-errors li, .field-validation-error, .alert-danger").Select(e => e.TextContent.Trim()));

    [Fact]
    public async Task TheSteeringCommitteeAndATeam_AreSavedFromTheirPage_EachFormByItsOwnFields()
    {
        var user = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Secretariat, TestData.HungYen));
        var web = await HtmlClient.SignedInAsync(app, user.Email!);
        var name = TestData.Unique("Ban Chỉ đạo phong trào");
        var wrong = await web.PostFormAsync("/Committees?handler=Committee", new() { ["Committee.Name"] = name, ["Committee.UnitCode"] = TestData.HungYen, ["Committee.TermFrom"] = "2025" }, "/Committees");
        var page = HtmlClient.Parse(await wrong.Content.ReadAsStringAsync());
        Assert.Contains("Vui lòng nhập", Errors(page), StringComparison.Ordinal);
        Assert.DoesNotContain("Vui lòng chọn loại", Errors(page), StringComparison.Ordinal); // the team form's rule is not this form's
        Assert.Equal(name, page.QuerySelector("input[name='Committee.Name']")!.GetAttribute("value"));

        var saved = await web.PostFormAsync("/Committees?handler=Committee", new()
        {
            ["Committee.Name"] = name, ["Committee.UnitCode"] = TestData.HungYen, ["Committee.TermFrom"] = "2025", ["Committee.TermTo"] = "2030",
            ["MemberLines"] = "Nguyễn Văn A | Trưởng ban\nTrần Thị B | Phó Trưởng ban | Kinh tế",
        }, "/Committees");
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, Errors(HtmlClient.Parse(await saved.Content.ReadAsStringAsync())));
        var team = TestData.Unique("Tổ dân vận thôn Đông");
        var teamSaved = await web.PostFormAsync("/Committees?handler=Team", new() { ["Team.UnitCode"] = TestData.LuongBang, ["Team.Kind"] = "VillageTeam", ["Team.Name"] = team }, "/Committees");
        Assert.True(teamSaved.StatusCode == HttpStatusCode.Redirect, Errors(HtmlClient.Parse(await teamSaved.Content.ReadAsStringAsync())));

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(2, await db.CommitteeMembers.CountAsync(m => m.Committee!.Name == name));
        Assert.True(await db.Teams.AnyAsync(t => t.Name == team));
    }

    [Fact]
    public async Task AnAppraiser_StepsAsideFromAModel_AndTheSecretariatClosesTheRound()
    {
        var secretariatUser = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Secretariat, TestData.HungYen));
        var secretariat = await app.ClientForAsync(secretariatUser);
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var model = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang, TestData.Unique("Mô hình xin không chấm"), registeredOn: "2026-01-05");
        var appraiser = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Appraiser, TestData.HungYen));
        var criteria = await TestData.IdOfAsync(await secretariat.PostAsJsonAsync("/api/v1/criteria-sets", TestData.Criteria(TestData.HungYen)));
        var appraisal = await TestData.IdOfAsync(await secretariat.PostAsJsonAsync("/api/v1/appraisals",
            new { name = TestData.Unique("Thẩm định có người xin không chấm"), unitCode = TestData.HungYen, criteriaSetId = criteria, initiativeIds = new[] { model }, memberEmails = new[] { appraiser.Email } }));

        var web = await HtmlClient.SignedInAsync(app, appraiser.Email!);
        var (_, page) = await web.GetAsync($"/Appraisals/{appraisal}");
        var recuse = page.QuerySelector("form[action*='handler=Recuse']")!.GetAttribute("action")!;
        var noReason = await web.PostFormAsync(recuse, new() { ["Reason"] = " " }, $"/Appraisals/{appraisal}");
        Assert.NotEqual(string.Empty, Errors(HtmlClient.Parse(await noReason.Content.ReadAsStringAsync())));
        var stepped = await web.PostFormAsync(recuse, new() { ["Reason"] = "Người thân của chủ mô hình" }, $"/Appraisals/{appraisal}");
        Assert.Equal(HttpStatusCode.Redirect, stepped.StatusCode);
        var (_, after) = await web.GetAsync($"/Appraisals/{appraisal}");
        Assert.Contains("Người thân của chủ mô hình", after.Body!.TextContent, StringComparison.Ordinal);

        var manager = await HtmlClient.SignedInAsync(app, secretariatUser.Email!);
        var early = await manager.PostFormAsync($"/Appraisals/{appraisal}?handler=Close", [], $"/Appraisals/{appraisal}");
        Assert.Contains("chưa có kết luận", Errors(HtmlClient.Parse(await early.Content.ReadAsStringAsync())), StringComparison.Ordinal);
        var (_, results) = await manager.GetAsync($"/Appraisals/{appraisal}");
        var conclude = results.QuerySelector("form[action*='handler=Conclude']")!.GetAttribute("action")!;
        var concluded = await manager.PostFormAsync(conclude, new() { ["Conclusion.Outcome"] = "Failed", ["Conclusion.Conclusion"] = "Chưa đủ thời gian thực hiện" }, $"/Appraisals/{appraisal}");
        Assert.True(concluded.StatusCode == HttpStatusCode.Redirect, Errors(HtmlClient.Parse(await concluded.Content.ReadAsStringAsync())));
        var closed = await manager.PostFormAsync($"/Appraisals/{appraisal}?handler=Close", [], $"/Appraisals/{appraisal}");
        Assert.True(closed.StatusCode == HttpStatusCode.Redirect, Errors(HtmlClient.Parse(await closed.Content.ReadAsStringAsync())));
        await using var scope = app.Scope();
        Assert.Equal(AppraisalStatus.Closed, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Appraisals.Where(a => a.Id == appraisal).Select(a => a.Status).SingleAsync());
    }

    [Fact]
    public async Task NotificationsAreMarkedRead_AndAFollowUpIsReportedDone_WithAPhoto_FromThePages()
    {
        var officerUser = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Officer, TestData.LuongBang));
        var provinceUser = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Secretariat, TestData.HungYen));
        var province = await app.ClientForAsync(provinceUser);
        var today = VietnamClock.TodayNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var inspection = await TestData.IdOfAsync(await province.PostAsJsonAsync("/api/v1/inspections", new { unitCode = TestData.LuongBang, plannedOn = today, inspectors = TestData.Unique("Đoàn kiểm tra") }));
        var task = TestData.Unique("Bổ sung hồ sơ mô hình");
        var visit = await province.PostAsJsonAsync($"/api/v1/inspections/{inspection}/visit", new { visitedOn = today, findings = "Đạt", rating = "good", tasks = new[] { new { text = task, dueOn = today } } });
        Assert.True(visit.IsSuccessStatusCode, await visit.Content.ReadAsStringAsync());

        // The team adds a photo from the page; a file that is not a picture is refused beside the form, nothing stored.
        var team = await HtmlClient.SignedInAsync(app, provinceUser.Email!);
        async Task<HttpResponseMessage> PhotoAsync(byte[] bytes, string name)
        {
            var (_, p) = await team.GetAsync("/Inspections");
            var token = p.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(bytes), "Photo", name } };
            return await team.Http.PostAsync($"/Inspections?handler=Photo&id={inspection}", form);
        }

        var notAPhoto = await PhotoAsync("%PDF-1.4\n"u8.ToArray().Concat(new byte[100]).ToArray(), "anh.jpg");
        Assert.Equal(HttpStatusCode.OK, notAPhoto.StatusCode);
        Assert.NotEqual(string.Empty, Errors(HtmlClient.Parse(await notAPhoto.Content.ReadAsStringAsync())));
        Assert.Equal(HttpStatusCode.Redirect, (await PhotoAsync(TestData.Png, "anh.png")).StatusCode);
        await using (var scope = app.Scope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<InspectionPhoto>().CountAsync(p => p.InspectionId == inspection));
        }

        var web = await HtmlClient.SignedInAsync(app, officerUser.Email!);
        var (_, page) = await web.GetAsync("/Inspections");
        var done = page.QuerySelectorAll("form[action*='handler=Done']").Select(f => f.GetAttribute("action")!).First(a => a.Contains($"id={inspection}", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await web.PostFormAsync(done, new() { ["Note"] = "Đã bổ sung" }, "/Inspections")).StatusCode);

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.NotNull(await db.Set<InspectionTask>().Where(t => t.Text == task).Select(t => t.DoneOn).SingleAsync());
            db.Notifications.Add(new Notification { UserId = officerUser.Id, Text = "Thông báo để đọc", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await web.PostFormAsync("/Notifications?handler=Read", [], "/Notifications")).StatusCode);
        await using (var scope = app.Scope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Notifications.AnyAsync(n => n.UserId == officerUser.Id && n.ReadAt == null));
        }
    }

    [Fact]
    public async Task AConferenceAndANominationRound_AreOpenedFromTheirPages_AndAWrongDateKeepsWhatWasTyped()
    {
        var user = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Secretariat, TestData.HungYen));
        var web = await HtmlClient.SignedInAsync(app, user.Email!);
        var conference = TestData.Unique("Hội nghị biểu dương điển hình");
        var held = await web.PostFormAsync("/Conferences", new()
        {
            ["Input.Name"] = conference, ["Input.UnitCode"] = TestData.HungYen, ["Input.Level"] = "Province", ["Input.Date"] = "2026-11-20", ["Input.Phase"] = "2021-2025",
            ["Input.CollectiveQuota"] = "5", ["Input.IndividualQuota"] = "3",
        });
        Assert.True(held.StatusCode == HttpStatusCode.Redirect, Errors(HtmlClient.Parse(await held.Content.ReadAsStringAsync())));

        var round = TestData.Unique("Đợt xét khen thưởng cuối năm");
        var wrong = await web.PostFormAsync("/Nominations/Rounds", new() { ["Input.Name"] = round, ["Input.UnitCode"] = TestData.HungYen, ["Input.OpensOn"] = "2026-12-01", ["Input.ClosesOn"] = "" });
        var page = HtmlClient.Parse(await wrong.Content.ReadAsStringAsync());
        Assert.Contains("Vui lòng nhập", Errors(page), StringComparison.Ordinal);
        Assert.Equal(round, page.QuerySelector("input[name='Input.Name']")!.GetAttribute("value"));
        var opened = await web.PostFormAsync("/Nominations/Rounds", new()
        {
            ["Input.Name"] = round, ["Input.UnitCode"] = TestData.HungYen, ["Input.OpensOn"] = "2026-12-01", ["Input.ClosesOn"] = "2026-12-31", ["Input.QuotaPerUnit"] = "3",
        });
        Assert.True(opened.StatusCode == HttpStatusCode.Redirect, Errors(HtmlClient.Parse(await opened.Content.ReadAsStringAsync())));

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.Conferences.AnyAsync(c => c.Name == conference));
        Assert.True(await db.NominationRounds.AnyAsync(r => r.Name == round));
    }

    [Fact]
    public async Task ASurvey_IsOpenedAndClosed_FromItsPage()
    {
        var user = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Officer, TestData.LuongBang));
        var api = await app.ClientForAsync(user);
        var id = await TestData.CreateInitiativeAsync(api, TestData.LuongBang, TestData.Unique("Mô hình lấy ý kiến"), registeredOn: "2026-01-05");
        var web = await HtmlClient.SignedInAsync(app, user.Email!);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await web.PostFormAsync($"/Surveys?initiativeId={id}&handler=Open", new() { ["InitiativeId"] = key, ["Question"] = "Bà con có hài lòng?" }, $"/Surveys?initiativeId={id}")).StatusCode);
        int survey;
        await using (var scope = app.Scope())
        {
            survey = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Surveys.Where(s => s.InitiativeId == id).Select(s => s.Id).SingleAsync();
        }

        var closed = await web.PostFormAsync($"/Surveys?initiativeId={id}&handler=Close", new() { ["InitiativeId"] = key, ["surveyId"] = survey.ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"/Surveys?initiativeId={id}");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        await using (var scope = app.Scope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Surveys.Where(s => s.Id == survey).Select(s => s.IsOpen).SingleAsync());
        }
    }

    [Fact]
    public async Task ACriteriaSet_IsWrittenOnItsPage_AndAWeightOutOfRangeKeepsWhatWasTyped()
    {
        var user = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Secretariat, TestData.HungYen));
        var web = await HtmlClient.SignedInAsync(app, user.Email!);
        var name = TestData.Unique("Bộ tiêu chí mô hình dân vận khéo");
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.UnitCode"] = TestData.HungYen, ["Input.PassThreshold"] = "70",
            ["Input.Criteria[0].Name"] = "Hiệu quả", ["Input.Criteria[0].Weight"] = "5000", ["Input.Criteria[0].MaxScore"] = "10",
            ["Input.Criteria[1].Name"] = "Sức lan tỏa", ["Input.Criteria[1].Weight"] = "1", ["Input.Criteria[1].MaxScore"] = "10",
        };
        var wrong = HtmlClient.Parse(await (await web.PostFormAsync("/Criteria/Edit", fields)).Content.ReadAsStringAsync());
        Assert.NotEqual(string.Empty, Errors(wrong));
        Assert.Equal(name, wrong.QuerySelector("input[name='Input.Name']")!.GetAttribute("value"));
        Assert.Equal("5000", wrong.QuerySelector("input[name='Input.Criteria[0].Weight']")!.GetAttribute("value"));
        fields["Input.Criteria[0].Weight"] = "2";
        var saved = await web.PostFormAsync("/Criteria/Edit", fields);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, Errors(HtmlClient.Parse(await saved.Content.ReadAsStringAsync())));
        await using var scope = app.Scope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<AppDbContext>().CriteriaSets.AnyAsync(c => c.Name == name));
    }

    [Fact]
    public async Task AccountForms_RevokeAToken_AndAnAdministratorEndsSessions_ResetsTwoStep_AndWithdrawsARole()
    {
        // A person revokes her own token on its page: the API no longer takes it.
        var person = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Officer, TestData.LuongBang));
        var token = await app.CreateTokenAsync(person);
        var own = await HtmlClient.SignedInAsync(app, person.Email!);
        var (_, tokens) = await own.GetAsync("/Account/Manage/Tokens");
        var revoke = tokens.QuerySelector("form[action*='handler=Revoke']")!.GetAttribute("action")!;
        Assert.Equal(HttpStatusCode.Redirect, (await own.PostFormAsync(revoke, [], "/Account/Manage/Tokens")).StatusCode);
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);

        // The province's administrator: ends the person's sessions, turns two-step off for a lost phone, withdraws a role.
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            await users.SetTwoFactorEnabledAsync((await users.FindByIdAsync(person.Id))!, true);
        }

        var admin = await HtmlClient.SignedInAsync(app, (await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Secretariat, TestData.HungYen))).Email!);
        var edit = $"/Admin/Users/Edit/{person.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(edit + "?handler=EndSessions", [], edit)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await own.Http.GetAsync("/Initiatives")).StatusCode); // signed out
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(edit + "?handler=ResetTwoFactor", [], edit)).StatusCode);
        var (_, page) = await admin.GetAsync(edit);
        var withdraw = page.QuerySelector("form[action*='handler=Revoke']")!.GetAttribute("action")!;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(withdraw, [], edit)).StatusCode);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.Users.Where(u => u.Id == person.Id).Select(u => u.TwoFactorEnabled).SingleAsync());
            Assert.False(await db.RoleGrants.AnyAsync(g => g.UserId == person.Id));
        }
    }

    [Fact]
    public async Task ANominationsFile_IsAttachedFromItsPage_AndAFileThatIsNothingIsRefused()
    {
        var officerUser = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Officer, TestData.LuongBang));
        var officer = await app.ClientForAsync(officerUser);
        var created = await officer.PostAsJsonAsync("/api/v1/nominations", new
        {
            unitCode = TestData.LuongBang, recipientKind = "collective", recipientName = TestData.Unique("Chi hội có hồ sơ"), formCode = "bk_tinh", achievements = "Vận động hiến đất.",
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = await TestData.IdOfAsync(created);
        var web = await HtmlClient.SignedInAsync(app, officerUser.Email!);

        async Task<HttpResponseMessage> AttachAsync(byte[] bytes, string name)
        {
            var (_, page) = await web.GetAsync($"/Nominations/Detail/{id}");
            var form = page.QuerySelector("form[action*='handler=Attach']")!;
            var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("CoverLetter"), "AttachKind" }, { new ByteArrayContent(bytes), "Upload", name },
            };
            return await web.Http.PostAsync(form.GetAttribute("action")!, content);
        }

        var nothing = await AttachAsync([], "trong.pdf");
        Assert.NotEqual(string.Empty, Errors(HtmlClient.Parse(await nothing.Content.ReadAsStringAsync())));
        var attached = await AttachAsync(System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"), "to-trinh.pdf");
        Assert.True(attached.StatusCode == HttpStatusCode.Redirect, Errors(HtmlClient.Parse(await attached.Content.ReadAsStringAsync())));
        var view = await (await officer.GetAsync($"/api/v1/nominations/{id}")).ReadJsonAsync();
        Assert.Equal("cover_letter", Assert.Single(view.GetProperty("attachments").EnumerateArray()).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task AConferenceHonoursARecognisedModel_FromItsPage()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var userSecretariat = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Secretariat, TestData.HungYen));
        var secretariat = await app.ClientForAsync(userSecretariat);
        var model = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang, TestData.Unique("Mô hình được biểu dương"), registeredOn: "2025-08-01");
        Assert.True((await secretariat.PostAsJsonAsync("/api/v1/recognitions", new { unitCode = TestData.HungYen, number = "41-QĐ/BCĐ-" + Guid.NewGuid().ToString("N")[..5], date = "2025-12-20", level = "province", issuingBody = "BCĐ", initiativeIds = new[] { model } })).IsSuccessStatusCode);
        var conference = await TestData.IdOfAsync(await secretariat.PostAsJsonAsync("/api/v1/conferences", new { name = TestData.Unique("Hội nghị biểu dương"), unitCode = TestData.HungYen, level = "province", date = "2026-11-01", phase = "2021-2025", collectiveQuota = 5, individualQuota = 3 }));

        var web = await HtmlClient.SignedInAsync(app, userSecretariat.Email!);
        var recipient = TestData.Unique("Chi hội Phụ nữ thôn Đông");
        var noTitle = await web.PostFormAsync($"/Conferences/Detail/{conference}", new() { ["Input.InitiativeId"] = model.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.RecipientKind"] = "Collective", ["Input.Recipient"] = recipient, ["Input.Title"] = "" });
        var page = HtmlClient.Parse(await noTitle.Content.ReadAsStringAsync());
        Assert.NotEqual(string.Empty, Errors(page));
        Assert.Equal(recipient, page.QuerySelector($"#r-{model}")!.GetAttribute("value"));
        var saved = await web.PostFormAsync($"/Conferences/Detail/{conference}", new()
        {
            ["Input.InitiativeId"] = model.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.RecipientKind"] = "Collective", ["Input.Recipient"] = recipient, ["Input.Title"] = "Bằng khen",
        });
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, Errors(HtmlClient.Parse(await saved.Content.ReadAsStringAsync())));
        var (_, after) = await web.GetAsync($"/Conferences/Detail/{conference}");
        Assert.Contains(recipient, after.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAwardList_IsCheckedThenImported_FromItsPage()
    {
        var user = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Secretariat, TestData.HungYen));
        var web = await HtmlClient.SignedInAsync(app, user.Email!);
        var tag = Guid.NewGuid().ToString("N")[..5];
        var csv = "Số quyết định,Ngày quyết định,Cấp,Hình thức,Tập thể/cá nhân,Tên người hoặc tập thể,Mã đơn vị\n"
            + $"51-QĐ/TU-{tag},15/03/2023,tỉnh,,tập thể,Hội Nông dân xã Lương Bằng,{TestData.LuongBang}\n";

        async Task<AngleSharp.Html.Dom.IHtmlDocument> PostAsync(string file, bool dryRun)
        {
            var (_, page) = await web.GetAsync("/Awards/Import");
            var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(dryRun ? "true" : "false"), "DryRun" },
                { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(file)), "Upload", "khen-thuong.csv" },
            };
            return HtmlClient.Parse(await (await web.Http.PostAsync("/Awards/Import", content)).Content.ReadAsStringAsync());
        }

        var bad = await PostAsync(csv.Replace("15/03/2023", "32/03/2023", StringComparison.Ordinal), dryRun: true);
        Assert.NotNull(bad.QuerySelector("#import-errors"));
        Assert.NotNull((await PostAsync(csv, dryRun: true)).QuerySelector("#import-valid"));
        Assert.NotNull((await PostAsync(csv, dryRun: false)).QuerySelector("#import-done"));
        await using var scope = app.Scope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<AppDbContext>().AwardDecisions.AnyAsync(d => d.Number == $"51-QĐ/TU-{tag}"));
    }

    /// <summary>The code an authenticator app shows for a key (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits).</summary>
    private static string Totp(string base32Key, DateTimeOffset at)
    {
        var key = base32Key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in key.TrimEnd('='))
        {
            buffer = (buffer << 5) | "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        var counter = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

#pragma warning disable CA5350 // RFC 6238 is HMAC-SHA1, as the authenticator apps compute it
        var hash = System.Security.Cryptography.HMACSHA1.HashData(bytes.ToArray(), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var code = ((hash[offset] & 0x7f) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3]) % 1_000_000;
        return code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task TwoStep_IsTurnedOnFromItsPage_WithTheCodeAnAuthenticatorShows_AndAWrongCodeIsRefused()
    {
        var user = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Officer, TestData.LuongBang));
        var web = await HtmlClient.SignedInAsync(app, user.Email!);
        var (_, page) = await web.GetAsync("/Account/Manage/TwoFactor");
        var key = page.QuerySelector("#shared-key")!.TextContent.Trim();
        var wrong = await web.PostFormAsync("/Account/Manage/TwoFactor?handler=Enable", new() { ["Code"] = "000000" }, "/Account/Manage/TwoFactor");
        Assert.Contains("Mã xác thực không đúng", Errors(HtmlClient.Parse(await wrong.Content.ReadAsStringAsync())), StringComparison.Ordinal);
        var enabled = await web.PostFormAsync("/Account/Manage/TwoFactor?handler=Enable", new() { ["Code"] = Totp(key, DateTimeOffset.UtcNow) }, "/Account/Manage/TwoFactor");
        Assert.True((int)enabled.StatusCode < 400, enabled.StatusCode.ToString());
        await using var scope = app.Scope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync());
    }
}
