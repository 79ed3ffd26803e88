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
