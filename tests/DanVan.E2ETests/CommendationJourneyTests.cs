using DanVan.Domain;
using DanVan.E2ETests.Pages;
using DanVan.IntegrationTests.Support;
using Microsoft.Playwright;

namespace DanVan.E2ETests;

/// <summary>
/// A commune submits a nomination, the province returns it, the commune fixes it, the province decides; the decision
/// and the certificate print, and the report counts the recipient.
/// </summary>
[Collection(BrowserCollection.Name)]
public class CommendationJourneyTests(BrowserFixture fx)
{
    [Fact]
    public async Task ANomination_GoesUpIsReturnedFixedAndDecided_TheCertificatePrints_AndTheReportCountsIt()
    {
        var commune = await fx.NewPhonePageAsync();
        await new LoginPage(commune).SignInAsync(BrowserFixture.OfficerEmail, TestData.Password);
        var name = TestData.Unique("Chi hội Phụ nữ thôn Đông");
        await commune.GotoAsync("/Nominations/Edit");
        await commune.GetByRole(AriaRole.Radio, new() { Name = "Tập thể" }).CheckAsync();
        await commune.Locator("#Input_RecipientName").FillAsync(name);
        await commune.Locator("#Input_FormCode").SelectOptionAsync("bk_tinh");
        await commune.GetByLabel("Thành tích").FillAsync("Vận động 40 hộ hiến đất mở rộng đường thôn.");
        await commune.GetByRole(AriaRole.Button, new() { Name = "Lưu hồ sơ" }).ClickAsync();
        await Assertions.Expect(commune.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(name);
        await commune.GetByRole(AriaRole.Button, new() { Name = "Gửi lên cấp trên" }).ClickAsync();
        await Assertions.Expect(commune.Locator("#nomination-status")).ToContainTextAsync("chờ tiếp nhận");
        var url = commune.Url;

        // The province sends it back: a reason is needed.
        var province = await fx.NewPhonePageAsync();
        await new LoginPage(province).SignInAsync(BrowserFixture.SecretariatEmail, TestData.Password);
        await province.GotoAsync(url);
        await province.GetByRole(AriaRole.Button, new() { Name = "Trả lại hồ sơ" }).ClickAsync();
        await Assertions.Expect(province.Locator(".validation-summary-errors")).ToContainTextAsync("lý do");
        await province.Locator("#Reason").FillAsync("Thiếu biên bản họp bình xét.");
        await province.GetByRole(AriaRole.Button, new() { Name = "Trả lại hồ sơ" }).ClickAsync();
        await Assertions.Expect(province.Locator("#nomination-status")).ToContainTextAsync("Bị trả lại");

        // The commune sees why, fixes it and sends it again.
        await commune.GotoAsync(url);
        await Assertions.Expect(commune.Locator("#return-reason")).ToContainTextAsync("biên bản họp bình xét");
        await commune.GetByRole(AriaRole.Link, new() { Name = "Sửa hồ sơ" }).ClickAsync();
        await commune.GetByLabel("Thành tích").FillAsync("Vận động 40 hộ hiến đất mở rộng đường thôn; kèm biên bản họp bình xét.");
        await commune.GetByRole(AriaRole.Button, new() { Name = "Lưu hồ sơ" }).ClickAsync();
        await commune.GetByRole(AriaRole.Button, new() { Name = "Gửi lên cấp trên" }).ClickAsync();
        await Assertions.Expect(commune.Locator("#nomination-status")).ToContainTextAsync("chờ tiếp nhận");

        // The province takes it in and decides.
        await province.GotoAsync(url);
        await province.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận" }).ClickAsync();
        await province.GetByRole(AriaRole.Link, new() { Name = "Ra quyết định khen thưởng" }).ClickAsync();
        var number = "88-QĐ/TU-" + Guid.NewGuid().ToString("N")[..4];
        await province.GetByLabel("Số quyết định").FillAsync(number);
        await province.GetByLabel("Người ký").FillAsync("Nguyễn Văn Bí");
        await Assertions.Expect(province.GetByLabel(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(name)))).ToBeCheckedAsync();
        await province.GetByRole(AriaRole.Button, new() { Name = "Ban hành quyết định" }).ClickAsync();
        var decision = province.Locator("#award-decision");
        await Assertions.Expect(decision).ToContainTextAsync("TỈNH ỦY HƯNG YÊN");
        await Assertions.Expect(decision).ToContainTextAsync("Số " + number);
        await Assertions.Expect(province.Locator("#award-recipients")).ToContainTextAsync(name);
        await province.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "award-decision-phone.png"), FullPage = true });

        await province.Locator("#certificates").ClickAsync();
        var certificate = province.Locator(".certificate").Filter(new() { HasText = name });
        await Assertions.Expect(certificate).ToContainTextAsync("BẰNG KHEN");
        await Assertions.Expect(certificate).ToContainTextAsync("Hưng Yên, ngày");
        await province.EmulateMediaAsync(new() { Media = Media.Print });
        await province.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "award-certificate-print.png"), FullPage = true });
        var pdf = await province.PdfAsync(new() { PreferCSSPageSize = true });
        Assert.True(pdf.Length > 1000);

        // The commune sees it decided; the report counts the collective.
        await commune.GotoAsync(url);
        await Assertions.Expect(commune.Locator("#nomination-status")).ToContainTextAsync("Đã có quyết định khen thưởng");
        var year = VietnamClock.TodayNow.Year;
        await commune.GotoAsync($"/Reports?unit={TestData.LuongBang}&from={year}-01-01&to={year}-12-31");
        await Assertions.Expect(commune.Locator("#commended")).ToContainTextAsync("Tập thể");
        await Assertions.Expect(commune.Locator("#summary-paragraph")).ToContainTextAsync("Đã khen thưởng");
        await commune.Context.CloseAsync();
        await province.Context.CloseAsync();
    }
}
