using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DanVan.Domain;
using DanVan.E2ETests.Pages;
using DanVan.IntegrationTests.Support;
using Microsoft.Playwright;

namespace DanVan.E2ETests;

/// <summary>
/// One initiative's whole life in the browser: registered in an open round → results with a photo →
/// appraised by three (a fourth, from the same commune, left out automatically) → recognised by the commune,
/// then by the province → replicated by another commune → commended. A second one is flagged and retired.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class LifecycleJourneyTests(BrowserFixture fx)
{
    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await fx.NewPhonePageAsync();
        await new LoginPage(page).SignInAsync(email, TestData.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Xin chào");
        return page;
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, name + ".png"), FullPage = true });

    [Fact]
    public async Task AnInitiativesWholeLife_AndASecondOneRetiredAtReview()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        string Mail(string who) => $"{who}.{tag}@danvan.vn";
        await fx.App.CreateUserAsync(Mail("tinh"), (Role.Secretariat, TestData.HungYen));
        await fx.App.CreateUserAsync(Mail("xa"), (Role.Secretariat, TestData.LuongBang));
        await fx.App.CreateUserAsync(Mail("canbo"), (Role.Officer, TestData.LuongBang));
        await fx.App.CreateUserAsync(Mail("thaihoa"), (Role.Officer, TestData.ThaiHoa));
        for (var k = 1; k <= 4; k++)
        {
            var u = await fx.App.CreateUserAsync(Mail("td" + k), (Role.Appraiser, TestData.HungYen));
            if (k == 4)
            {
                await fx.App.SetHomeUnitAsync(u, TestData.LuongBang); // works in the model's own commune
            }
        }

        // The province's criteria set, through the API (its page is exercised in the integration tests).
        var provinceApi = await fx.App.ClientForAsync((await fx.App.CreateUserAsync(Mail("api"), (Role.Secretariat, TestData.HungYen))));
        var setName = "Bộ tiêu chí " + tag;
        (await provinceApi.PostAsJsonAsync("/api/v1/criteria-sets", new
        {
            name = setName, unitCode = TestData.HungYen, passThreshold = 60m,
            criteria = new[] { new { name = "Hiệu quả thiết thực", weight = 2m, maxScore = 10m }, new { name = "Khả năng nhân rộng", weight = 1m, maxScore = 10m } },
        })).EnsureSuccessStatusCode();

        // 1. The province secretariat opens a registration round with a target for Lương Bằng.
        var province = await SignedInAsync(Mail("tinh"));
        await province.GotoAsync($"/Campaigns/Edit?unit={TestData.HungYen}");
        var round = "Đăng ký mô hình Dân vận khéo năm 2026 " + tag;
        await province.GetByLabel("Tên đợt đăng ký *").FillAsync(round);
        await province.GetByLabel("Xã Lương Bằng").FillAsync("2");
        await province.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(province.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(round);
        await Assertions.Expect(province.Locator("#progress")).ToContainTextAsync("Xã Lương Bằng");

        // 2. The commune officer registers the model into the round.
        var officer = await SignedInAsync(Mail("canbo"));
        var form = new InitiativeFormPage(officer);
        await form.OpenNewAsync();
        await officer.GetByLabel("Đợt đăng ký").SelectOptionAsync(new SelectOptionValue { Label = $"{round} (hạn {VietnamClock.TodayNow.AddMonths(1):dd/MM/yyyy})" });
        var name = "Dân vận khéo trong hiến đất làm đường " + tag;
        await form.FillAsync(name, "Văn hóa – Xã hội", "Tập thể", "Ban công tác Mặt trận thôn Đông", "Vận động Nhân dân hiến đất mở rộng đường thôn.");
        await form.SubmitAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await Assertions.Expect(officer.Locator("dl")).ToContainTextAsync(round);
        var initiativeId = int.Parse(InitiativeId().Match(officer.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        // 3. Results with a photo.
        await officer.GetByRole(AriaRole.Link, new() { Name = "Báo cáo kết quả" }).ClickAsync();
        await officer.Locator("#Input_Values_0__Indicator").FillAsync("Số hộ hiến đất");
        await officer.Locator("#Input_Values_0__Value").FillAsync("58");
        await officer.Locator("#Input_Values_0__MeasureUnitId").SelectOptionAsync(new SelectOptionValue { Label = "hộ" });
        await officer.Locator("#Input_Values_1__Indicator").FillAsync("Diện tích đất hiến");
        await officer.Locator("#Input_Values_1__Value").FillAsync("25.043");
        await officer.Locator("#Input_Values_1__MeasureUnitId").SelectOptionAsync(new SelectOptionValue { Label = "m²" });
        await officer.GetByLabel("Đánh giá kết quả").FillAsync("58 hộ hiến 25.043 m² đất làm đường.");
        await officer.Locator("#Files").SetInputFilesAsync(new FilePayload { Name = "hien-dat.png", MimeType = "image/png", Buffer = TestData.Png });
        await ShotAsync(officer, "results-form-phone");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#results")).ToContainTextAsync("25.043");
        await Assertions.Expect(officer.Locator("#results img")).ToHaveCountAsync(1);

        // 4. The province opens an appraisal before four appraisers; the local one is left out.
        await province.GotoAsync($"/Appraisals/New?unit={TestData.HungYen}");
        await province.GetByLabel("Tên đợt thẩm định *").FillAsync("Thẩm định mô hình 2026 " + tag);
        await province.GetByLabel("Bộ tiêu chí *").SelectOptionAsync(new SelectOptionValue { Label = setName + " (v1)" });
        await ShotAsync(province, "appraisal-new-council");
        // The council is picked from the area's appraisers, by name, not typed as e-mails.
        for (var k = 1; k <= 4; k++)
        {
            await province.Locator("#council-list label").Filter(new() { HasText = Mail("td" + k) }).Locator("input").CheckAsync();
        }

        await province.Locator("#candidates label").Filter(new() { HasText = name }).Locator("input").CheckAsync();
        await province.GetByRole(AriaRole.Button, new() { Name = "Mở đợt thẩm định" }).ClickAsync();
        await Assertions.Expect(province.Locator("#appraisal-results")).ToContainTextAsync("Cùng đơn vị với mô hình");
        var appraisalUrl = province.Url;

        // 5. Three appraisers score; the fourth is told he does not.
        var scores = new[] { ("8", "6"), ("9", "9"), ("6", "3") };
        for (var k = 1; k <= 3; k++)
        {
            var member = await SignedInAsync(Mail("td" + k));
            await member.GotoAsync(appraisalUrl);
            var card = member.Locator($"details.score-card[data-initiative=\"{name}\"]");
            var inputs = card.Locator("input[name^='Score.Scores']");
            await inputs.Nth(0).FillAsync(scores[k - 1].Item1);
            await inputs.Nth(1).FillAsync(scores[k - 1].Item2);
            await card.GetByRole(AriaRole.Button, new() { Name = "Lưu điểm" }).ClickAsync();
            await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu điểm");
            if (k == 1)
            {
                await ShotAsync(member, "appraisal-score-phone");
            }

            await member.Context.CloseAsync();
        }

        var local = await SignedInAsync(Mail("td4"));
        await local.GotoAsync(appraisalUrl);
        await Assertions.Expect(local.Locator($"details.score-card[data-initiative=\"{name}\"]")).ToContainTextAsync("Bạn không chấm mô hình này");
        await local.Context.CloseAsync();

        // 6. The province sees the means and concludes.
        await province.ReloadAsync();
        var row = province.Locator("#appraisal-results tr[data-item]").Filter(new() { HasText = name });
        await Assertions.Expect(row.Locator(".raw-mean")).ToHaveTextAsync("71,11");
        var item = await row.GetAttributeAsync("data-item");
        var conclude = province.Locator($"form[action*='handler=Conclude'][action*='itemId={item}']");
        await conclude.Locator("select").SelectOptionAsync("Passed");
        await conclude.GetByRole(AriaRole.Button, new() { Name = "Ghi" }).ClickAsync();
        await Assertions.Expect(province.Locator("#appraisal-results tr[data-item] .outcome").First).ToHaveTextAsync("Đạt");
        await ShotAsync(province, "appraisal-results");

        // 7. Recognised by the commune, then by the province from the appraisal.
        var commune = await SignedInAsync(Mail("xa"));
        await commune.GotoAsync($"/Recognition/New?unit={TestData.LuongBang}");
        await commune.GetByLabel("Số quyết định *").FillAsync("03-QĐ/BCĐ");
        await commune.Locator("#recognition-candidates label").Filter(new() { HasText = name }).Locator("input").CheckAsync();
        await commune.GetByRole(AriaRole.Button, new() { Name = "Ban hành quyết định" }).ClickAsync();
        await Assertions.Expect(commune.Locator("#decision-list")).ToContainTextAsync(name);

        await province.GetByRole(AriaRole.Link, new() { Name = "Ra quyết định công nhận các mô hình đạt" }).ClickAsync();
        await province.GetByLabel("Số quyết định *").FillAsync("15-QĐ/BCĐ");
        await province.GetByRole(AriaRole.Button, new() { Name = "Ban hành quyết định" }).ClickAsync();
        await Assertions.Expect(province.Locator(".party-doc")).ToContainTextAsync("ĐẢNG CỘNG SẢN VIỆT NAM");
        await Assertions.Expect(province.Locator("#decision-list")).ToContainTextAsync(name);
        await ShotAsync(province, "recognition-decision");

        await officer.GotoAsync($"/Initiatives/{initiativeId}");
        await Assertions.Expect(officer.Locator("#recognised-level")).ToHaveTextAsync("Cấp tỉnh");
        await Assertions.Expect(officer.Locator("#recognitions li")).ToHaveCountAsync(2);
        await officer.GotoAsync("/Notifications");
        await Assertions.Expect(officer.Locator("#notifications")).ToContainTextAsync("được công nhận cấp tỉnh");

        // 8. Another commune replicates it.
        var other = await SignedInAsync(Mail("thaihoa"));
        // (It reaches the model from the public showcase, which is another issue; here, by its address.)
        await other.GotoAsync($"/Initiatives/Replicate/{initiativeId}");
        await Assertions.Expect(other.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(name);
        await other.GetByLabel("Chủ thể").FillAsync("Ủy ban Mặt trận Tổ quốc phường Thái Hòa");
        await other.GetByRole(AriaRole.Button, new() { Name = "Đăng ký nhân rộng" }).ClickAsync();
        await Assertions.Expect(other.Locator("dl")).ToContainTextAsync(name);
        await Assertions.Expect(other.Locator("dl")).ToContainTextAsync("Phường Thái Hòa");
        // The source's officer learns that it was copied, not where: the copy is another province's and not yet public.
        await officer.GotoAsync($"/Initiatives/{initiativeId}");
        await Assertions.Expect(officer.Locator("#replications-hidden")).ToContainTextAsync("1 nơi nhân rộng chưa công khai");
        await Assertions.Expect(officer.Locator("main")).Not.ToContainTextAsync("Ủy ban Mặt trận Tổ quốc phường Thái Hòa");
        await ShotAsync(officer, "initiative-after-life-phone");

        // 9. Commended at the province's conference.
        await province.GotoAsync("/Conferences");
        var conference = "Hội nghị biểu dương điển hình Dân vận khéo 2021–2025 " + tag;
        await province.GetByLabel("Tên hội nghị *").FillAsync(conference);
        await province.GetByLabel("Đơn vị tổ chức *").SelectOptionAsync(new SelectOptionValue { Label = "Tỉnh Hưng Yên" });
        await province.GetByLabel("Cấp *").SelectOptionAsync(new SelectOptionValue { Label = "Cấp tỉnh" });
        await province.GetByLabel("Ngày tổ chức *").FillAsync(VietnamClock.TodayNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await province.GetByLabel("Khen tập thể").FillAsync("5");
        await province.GetByRole(AriaRole.Button, new() { Name = "Thêm hội nghị" }).ClickAsync();
        await province.Locator($"form.shortlist-row[data-name=\"{name}\"]").GetByRole(AriaRole.Button, new() { Name = "Khen thưởng" }).ClickAsync();
        await Assertions.Expect(province.Locator("#awards")).ToContainTextAsync(name);

        // 10. A second initiative, silent since 2023, is flagged at review and retired with a reason.
        var officerApi = await fx.App.ClientForAsync((await fx.App.CreateUserAsync(Mail("api2"), (Role.Officer, TestData.LuongBang))));
        var silentName = "Mô hình chỉ có trên giấy " + tag;
        var silentId = await TestData.CreateInitiativeAsync(officerApi, TestData.LuongBang, silentName, registeredOn: "2023-03-01");
        await province.GotoAsync($"/Review?unit={TestData.LuongBang}");
        var card2 = province.Locator($".review-row[data-name=\"{silentName}\"]");
        await Assertions.Expect(card2).ToContainTextAsync("Không báo cáo kết quả 12 tháng");
        // Retiring asks first; said yes without a reason, the reason is asked for.
        await ClickAnsweringAsync(province, card2.GetByRole(AriaRole.Button, new() { Name = "Loại bỏ" }), accept: true);
        await Assertions.Expect(province.Locator(".validation-summary-errors, [data-valmsg-summary]")).ToContainTextAsync("Vui lòng nhập Lý do");
        card2 = province.Locator($".review-row[data-name=\"{silentName}\"]");
        await card2.Locator("input[name='Input.Reason']").FillAsync("Hình thức, không có kết quả từ năm 2023");
        // Said no: nothing happens.
        await ClickAnsweringAsync(province, card2.GetByRole(AriaRole.Button, new() { Name = "Loại bỏ" }), accept: false);
        await Assertions.Expect(province.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
        await ClickAnsweringAsync(province, card2.GetByRole(AriaRole.Button, new() { Name = "Loại bỏ" }), accept: true);
        await Assertions.Expect(province.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã loại bỏ mô hình");
        await ShotAsync(province, "review");
        await province.GotoAsync($"/Initiatives/{silentId}");
        await Assertions.Expect(province.Locator(".badge-status-2")).ToHaveTextAsync("Đã loại bỏ");
    }

    /// <summary>Clicks a button that asks for confirmation and answers the question; the question must be asked.</summary>
    private static async Task ClickAnsweringAsync(IPage page, ILocator button, bool accept)
    {
        var asked = new TaskCompletionSource<string>();
        void Answer(object? sender, IDialog dialog)
        {
            asked.TrySetResult(dialog.Message);
            _ = accept ? dialog.AcceptAsync() : dialog.DismissAsync();
        }

        page.Dialog += Answer;
        try
        {
            await button.ClickAsync();
            Assert.False(string.IsNullOrWhiteSpace(await asked.Task.WaitAsync(TimeSpan.FromSeconds(5))));
        }
        finally
        {
            page.Dialog -= Answer;
        }
    }

    [GeneratedRegex(@"/Initiatives/(\d+)$")]
    private static partial Regex InitiativeId();
}
