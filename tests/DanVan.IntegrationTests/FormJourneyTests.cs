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
        var province = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var today = VietnamClock.TodayNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var inspection = await TestData.IdOfAsync(await province.PostAsJsonAsync("/api/v1/inspections", new { unitCode = TestData.LuongBang, plannedOn = today, inspectors = TestData.Unique("Đoàn kiểm tra") }));
        var task = TestData.Unique("Bổ sung hồ sơ mô hình");
        var visit = await province.PostAsJsonAsync($"/api/v1/inspections/{inspection}/visit", new { visitedOn = today, findings = "Đạt", rating = "good", tasks = new[] { new { text = task, dueOn = today } } });
        Assert.True(visit.IsSuccessStatusCode, await visit.Content.ReadAsStringAsync());

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
}
