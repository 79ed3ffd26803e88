using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;

namespace DanVan.IntegrationTests;

/// <summary>The officer's home says what waits for her, with deadlines: rounds closing, reports due, appraisals to score.</summary>
[Collection(AppCollection.Name)]
public class MyTasksTests(DanVanFactory app)
{
    [Fact]
    public async Task Home_ListsRoundsClosing_ReportsDue_AndAppraisalsToScore_WithDeadlines_AndNothingOfOtherAreas()
    {
        // A commune no other test writes to, so "the ten reports due soonest" are this test's.
        const string TanHung = "11977";
        // The app's "today" is Vietnam's date whatever the server's zone (VietnamClock), as here.
        var today = VietnamClock.TodayNow;
        string Day(int d) => today.AddDays(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var officerUser = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Officer, TanHung));
        var officer = await app.ClientForAsync(officerUser);
        var round = TestData.Unique("Đợt đăng ký việc cần làm");
        await TestData.IdOfAsync(await secretariat.PostAsJsonAsync("/api/v1/campaigns", new
        {
            name = round, unitCode = TestData.HungYen, opensOn = Day(-3), closesOn = Day(5),
            targets = new[] { new { unitCode = TanHung, count = 2 } },
        }));
        // A model registered 13 months ago without a report is overdue; one reported last month is not due.
        var stale = await TestData.CreateInitiativeAsync(officer, TanHung, TestData.Unique("Mô hình chưa báo cáo"), registeredOn: Day(-400));
        var fresh = await TestData.CreateInitiativeAsync(officer, TanHung, TestData.Unique("Mô hình vừa báo cáo"), registeredOn: Day(-400));
        Assert.True((await officer.PostAsJsonAsync($"/api/v1/initiatives/{fresh}/results", new { periodKind = "month", periodStart = today.AddMonths(-1).ToString("yyyy-MM-01", System.Globalization.CultureInfo.InvariantCulture), narrative = "Kết quả", values = Array.Empty<object>() })).IsSuccessStatusCode);

        var appraiser = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Appraiser, TestData.HungYen));
        var criteria = await TestData.IdOfAsync(await secretariat.PostAsJsonAsync("/api/v1/criteria-sets", TestData.Criteria(TestData.HungYen)));
        var appraisalName = TestData.Unique("Thẩm định cần chấm");
        var appraisal = await TestData.IdOfAsync(await secretariat.PostAsJsonAsync("/api/v1/appraisals",
            new { name = appraisalName, unitCode = TestData.HungYen, criteriaSetId = criteria, initiativeIds = new[] { stale, fresh }, memberEmails = new[] { appraiser.Email } }));

        var tasks = await (await officer.GetAsync("/api/v1/me/tasks")).ReadJsonAsync();
        var r = Assert.Single(tasks.GetProperty("rounds").EnumerateArray(), x => x.GetProperty("name").GetString() == round);
        Assert.Equal(5, r.GetProperty("daysLeft").GetInt32());
        Assert.Equal(2, r.GetProperty("target").GetInt32());
        var reports = tasks.GetProperty("reports").EnumerateArray().ToList();
        var due = Assert.Single(reports, x => x.GetProperty("initiativeId").GetInt32() == stale);
        Assert.True(due.GetProperty("overdue").GetBoolean());
        Assert.DoesNotContain(reports, x => x.GetProperty("initiativeId").GetInt32() == fresh);

        var scorer = await (await (await app.ClientForAsync(appraiser)).GetAsync("/api/v1/me/tasks")).ReadJsonAsync();
        var score = Assert.Single(scorer.GetProperty("appraisals").EnumerateArray(), x => x.GetProperty("appraisalId").GetInt32() == appraisal);
        Assert.Equal(2, score.GetProperty("toScore").GetInt32());

        // The page says the same, with dates as people write them.
        var web = await HtmlClient.SignedInAsync(app, officerUser.Email!);
        var home = HtmlClient.Parse(await (await web.Http.GetAsync("/")).Content.ReadAsStringAsync());
        var tasksText = home.QuerySelector("#tasks")!.TextContent;
        Assert.Contains(round, tasksText, StringComparison.Ordinal);
        Assert.Contains(today.AddDays(5).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), tasksText, StringComparison.Ordinal);
        Assert.Contains("quá hạn", tasksText, StringComparison.Ordinal);
        Assert.NotNull(home.QuerySelector($"#tasks a[href='/Results/Edit/{stale}']"));
        Assert.NotNull(home.QuerySelector($"#my-models a[href='/Initiatives/{stale}']"));

        // Another province's officer sees none of it.
        var other = await (await (await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa))).GetAsync("/api/v1/me/tasks")).ReadJsonAsync();
        Assert.DoesNotContain(round, other.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(other.GetProperty("reports").EnumerateArray(), x => x.GetProperty("initiativeId").GetInt32() == stale);
    }
}

/// <summary>Home lists the second half's work too: nominations to fix, receive or decide, inspections and their follow-ups, unit reports due.</summary>
[Collection(AppCollection.Name)]
public class SecondHalfTasksTests(DanVanFactory app)
{
    [Fact]
    public async Task Home_ListsNominationsInspectionsAndUnitReports_ForWhoeverMustAct()
    {
        const string VietYen = "12091";
        var officerUser = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Officer, VietYen));
        var officer = await app.ClientForAsync(officerUser);
        var provinceUser = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Secretariat, TestData.HungYen));
        var province = await app.ClientForAsync(provinceUser);
        var today = VietnamClock.TodayNow;

        async Task<System.Text.Json.JsonElement> OkAsync(HttpResponseMessage r)
        {
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
            return await r.ReadJsonAsync();
        }

        async Task<int> NominationAsync(string recipient)
        {
            var n = await OkAsync(await officer.PostAsJsonAsync("/api/v1/nominations", new
            {
                unitCode = VietYen, recipientKind = "collective", recipientName = recipient, formCode = "bk_tinh", achievements = "Vận động hiến đất làm đường.",
            }));
            var id = n.GetProperty("id").GetInt32();
            using (var letter = TestData.FileContent(System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"), "to-trinh.pdf"))
            {
                letter.Add(new StringContent("cover_letter"), "kind");
                Assert.True((await officer.PostAsync($"/api/v1/nominations/{id}/attachments", letter)).IsSuccessStatusCode);
            }

            var v = await OkAsync(await officer.GetAsync($"/api/v1/nominations/{id}"));
            await OkAsync(await officer.PostAsJsonAsync($"/api/v1/nominations/{id}/submit", new { version = v.GetProperty("version").GetInt32() }));
            return id;
        }

        var returnedName = TestData.Unique("Chi hội bị trả lại");
        var returned = await NominationAsync(returnedName);
        var v1 = await OkAsync(await province.GetAsync($"/api/v1/nominations/{returned}"));
        await OkAsync(await province.PostAsJsonAsync($"/api/v1/nominations/{returned}/return", new { version = v1.GetProperty("version").GetInt32(), reason = "Thiếu biên bản họp bình xét" }));
        var waitingName = TestData.Unique("Chi hội chờ tiếp nhận");
        var waiting = await NominationAsync(waitingName);

        var team = TestData.Unique("Đoàn kiểm tra tỉnh");
        var inspection = await OkAsync(await province.PostAsJsonAsync("/api/v1/inspections", new { unitCode = VietYen, plannedOn = today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), inspectors = team }));
        var visited = await OkAsync(await province.PostAsJsonAsync("/api/v1/inspections", new { unitCode = VietYen, plannedOn = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), inspectors = TestData.Unique("Đoàn đã đến") }));
        var followUp = TestData.Unique("Lập sổ theo dõi mô hình");
        await OkAsync(await province.PostAsJsonAsync($"/api/v1/inspections/{visited.GetProperty("id").GetInt32()}/visit", new
        {
            visitedOn = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), findings = "Đạt", rating = "good",
            tasks = new[] { new { text = followUp, dueOn = today.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) } },
        }));

        var mine = HtmlClient.Parse(await (await (await HtmlClient.SignedInAsync(app, officerUser.Email!)).Http.GetAsync("/")).Content.ReadAsStringAsync())
            .QuerySelector("#tasks")!;
        var fix = Assert.Single(mine.QuerySelectorAll(".task-nomination[data-action=fix]"), li => li.TextContent.Contains(returnedName, StringComparison.Ordinal));
        Assert.Contains("Thiếu biên bản họp bình xét", fix.TextContent, StringComparison.Ordinal);
        Assert.Contains(mine.QuerySelectorAll(".task-inspection[data-kind=follow-up]"), li => li.TextContent.Contains(followUp, StringComparison.Ordinal));
        Assert.Contains(mine.QuerySelectorAll(".task-unit-report"), li => li.TextContent.Contains("Việt Yên", StringComparison.Ordinal));
        Assert.DoesNotContain(mine.QuerySelectorAll(".task-nomination"), li => li.TextContent.Contains(waitingName, StringComparison.Ordinal));

        var theirs = HtmlClient.Parse(await (await (await HtmlClient.SignedInAsync(app, provinceUser.Email!)).Http.GetAsync("/")).Content.ReadAsStringAsync()).QuerySelector("#tasks")!;
        Assert.Contains(theirs.QuerySelectorAll(".task-nomination[data-action=receive]"), li => li.TextContent.Contains(waitingName, StringComparison.Ordinal));
        Assert.Contains(theirs.QuerySelectorAll(".task-inspection[data-kind=visit]"), li => li.TextContent.Contains(team, StringComparison.Ordinal)
            && li.QuerySelector("a")!.GetAttribute("href") == $"/Inspections#inspection-{inspection.GetProperty("id").GetInt32()}");
        Assert.DoesNotContain(theirs.QuerySelectorAll(".task-nomination"), li => li.TextContent.Contains(returnedName, StringComparison.Ordinal));
    }
}
