using DanVan.E2ETests.Pages;
using Microsoft.Playwright;

namespace DanVan.E2ETests;

/// <summary>A province's first days: pages that stay in the site's language and style when a link is stale, and a
/// language button that works both ways.</summary>
[Collection(BrowserCollection.Name)]
public class FirstWeekJourneyTests(BrowserFixture fx)
{
    [Fact]
    public async Task StaleLink_ShowsAFriendlyPage_AndTheLanguageSwitchesToEnglishAndBack()
    {
        var phone = await fx.NewPhonePageAsync();
        var response = await phone.GotoAsync("/cong-khai/mo-hinh/99999999");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("Không tìm thấy trang");
        await Assertions.Expect(phone.Locator("#error-page a[href='/cong-khai']")).ToBeVisibleAsync();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "not-found-phone.png"), FullPage = true });

        await new LoginPage(phone).SignInAsync(BrowserFixture.OfficerEmail, DanVan.IntegrationTests.Support.TestData.Password);
        await phone.GotoAsync("/Initiatives");
        // The menu slides open on a phone: the button is pressed once it stands still, and the answer awaited.
        await SafetyJourneyTests.OpenMenuAsync(phone);
        await SwitchAsync(phone, "English");
        await Assertions.Expect(phone.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "initiatives-english-phone.png"), FullPage = true });
        await SafetyJourneyTests.OpenMenuAsync(phone);
        await SwitchAsync(phone, "Tiếng Việt");
        await Assertions.Expect(phone.Locator("html")).ToHaveAttributeAsync("lang", "vi");
    }

    [Fact]
    public async Task ReviewReport_SwitchingToTheStateLayout_SwapsItsDefaults_AndKeepsWhatWasTyped()
    {
        var page = await fx.Browser.NewPageAsync(new() { BaseURL = fx.BaseUrl, ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "vi-VN" });
        await new LoginPage(page).SignInAsync(BrowserFixture.SecretariatEmail, DanVan.IntegrationTests.Support.TestData.Password);
        await page.GotoAsync($"/Reports/Document?unit={DanVan.IntegrationTests.Support.TestData.HungYen}");
        await page.Locator("input[name='Input.Signer']").FillAsync("Nguyễn Văn Ký");
        await page.Locator("select[name='Input.Issuer']").SelectOptionAsync("State");
        await Assertions.Expect(page.Locator("input[name='Input.Number']")).ToHaveValueAsync("…/BC-UBND");
        await Assertions.Expect(page.Locator("input[name='Input.IssuingBody']")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Ủy ban nhân dân"));
        await Assertions.Expect(page.Locator("textarea[name='Input.Authority']")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("CHỦ TỊCH"));
        await Assertions.Expect(page.Locator("input[name='Input.Signer']")).ToHaveValueAsync("Nguyễn Văn Ký");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "review-report-state.png"), FullPage = true });
        await page.Locator("input[name='Input.Number']").FillAsync("07/BC-UBND");
        await page.Locator("select[name='Input.Issuer']").SelectOptionAsync("Party");
        await Assertions.Expect(page.Locator("input[name='Input.Number']")).ToHaveValueAsync("07/BC-UBND");
        await Assertions.Expect(page.Locator("input[name='Input.IssuingBody']")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Ban Chỉ đạo"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ForgottenPassword_OnAPhone_TheMailedLinkSetsANewOne()
    {
        var email = DanVan.IntegrationTests.Support.TestData.UniqueEmail();
        await fx.App.CreateUserAsync(email, (DanVan.Domain.Role.Officer, DanVan.IntegrationTests.Support.TestData.LuongBang));
        var phone = await fx.NewPhonePageAsync();
        await phone.GotoAsync("/Account/Login");
        await phone.Locator("#forgot-password").ClickAsync();
        await phone.GetByLabel("Email").FillAsync(email);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Gửi liên kết đặt lại" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#reset-sent")).ToBeVisibleAsync();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "forgot-password-phone.png"), FullPage = true });

        var mail = Assert.Single(await fx.App.MailsToAsync(email));
        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? string.Empty, @"https?://\S+/Account/ResetPassword\?\S+").Value;
        // The link names the configured site; this test's server listens on a port of its own.
        await phone.GotoAsync(new Uri(link).PathAndQuery);
        await phone.Locator("input[name=Password]").FillAsync("Cây đa đầu làng Lương Bằng 1975");
        await phone.Locator("input[name=Confirm]").FillAsync("Cây đa đầu làng Lương Bằng 1975");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Đặt mật khẩu mới" }).ClickAsync();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "reset-password-phone.png"), FullPage = true });
        await Assertions.Expect(phone.Locator("#reset-done")).ToBeVisibleAsync();
        await new LoginPage(phone).SignInAsync(email, "Cây đa đầu làng Lương Bằng 1975");
        await Assertions.Expect(phone).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task Secretariat_OnAPhone_GrantsARoleByTypingTheCommunesNameWithoutTones_AndFiltersTheReviewTheSameWay()
    {
        var person = await fx.App.CreateUserAsync(DanVan.IntegrationTests.Support.TestData.UniqueEmail(), (DanVan.Domain.Role.Viewer, DanVan.IntegrationTests.Support.TestData.HungYen));
        var phone = await fx.NewPhonePageAsync();
        await new LoginPage(phone).SignInAsync(BrowserFixture.SecretariatEmail, DanVan.IntegrationTests.Support.TestData.Password);
        await phone.GotoAsync($"/Admin/Users/Edit/{person.Id}");
        await phone.Locator("select[name='Grant.Role']").SelectOptionAsync("Officer");
        var box = phone.GetByRole(AriaRole.Combobox, new() { Name = "Đơn vị" });
        await box.FillAsync("luong bang");
        var option = phone.GetByRole(AriaRole.Option).Filter(new() { HasText = "Xã Lương Bằng" }).First;
        await Assertions.Expect(option).ToBeVisibleAsync();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "unit-picker-phone.png"), FullPage = true });
        // Keyboard: down to the first match, Enter picks it.
        await box.PressAsync("ArrowDown");
        await box.PressAsync("Enter");
        await Assertions.Expect(box).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Xã Lương Bằng"));
        await Assertions.Expect(phone.Locator("#Grant_UnitCode_value")).ToHaveValueAsync(DanVan.IntegrationTests.Support.TestData.LuongBang);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Cấp quyền" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#grants")).ToContainTextAsync("Xã Lương Bằng");

        // The old commune's name (before 07/2025) leads to the commune it became.
        await phone.GotoAsync("/Review");
        var filter = phone.GetByRole(AriaRole.Combobox);
        await filter.FillAsync("pham ngu lao kim dong");
        await phone.GetByRole(AriaRole.Option).Filter(new() { HasText = "Xã Lương Bằng" }).First.TapAsync();
        await Assertions.Expect(phone.Locator("#unit_value")).ToHaveValueAsync(DanVan.IntegrationTests.Support.TestData.LuongBang);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await Assertions.Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"unit={DanVan.IntegrationTests.Support.TestData.LuongBang}"));
        await Assertions.Expect(filter).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Xã Lương Bằng"));
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task Decision_PrintsInThePartyFormat_WithADeputysSignature_AndNothingOfTheSiteAroundIt()
    {
        var officer = await fx.App.ApiClientAsync((DanVan.Domain.Role.Officer, DanVan.IntegrationTests.Support.TestData.LuongBang));
        var secretariat = await fx.App.ApiClientAsync((DanVan.Domain.Role.Secretariat, DanVan.IntegrationTests.Support.TestData.HungYen));
        var model = await DanVan.IntegrationTests.Support.TestData.CreateInitiativeAsync(officer, DanVan.IntegrationTests.Support.TestData.LuongBang, registeredOn: "2025-08-01");
        var id = await DanVan.IntegrationTests.Support.TestData.IdOfAsync(await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(secretariat, "/api/v1/recognitions",
            new { unitCode = DanVan.IntegrationTests.Support.TestData.HungYen, number = "21-QĐ/BCĐ-" + Guid.NewGuid().ToString("N")[..4], date = "2025-12-20", level = "province", issuingBody = "Ban Chỉ đạo phong trào thi đua \"Dân vận khéo\" tỉnh Hưng Yên", signer = "Nguyễn Văn Ký", initiativeIds = new[] { model } }));

        var page = await fx.Browser.NewPageAsync(new() { BaseURL = fx.BaseUrl, ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "vi-VN" });
        await new LoginPage(page).SignInAsync(BrowserFixture.SecretariatEmail, DanVan.IntegrationTests.Support.TestData.Password);
        await page.GotoAsync($"/Recognition/Decision/{id}");
        await Assertions.Expect(page.Locator("#decision")).ToContainTextAsync("TỈNH ỦY HƯNG YÊN");
        await page.Locator("#decision-layout summary").ClickAsync();
        await page.Locator("textarea[name='Input.Authority']").FillAsync("K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN");
        await page.Locator("input[name='Input.Signer']").FillAsync("Trần Thị Phó");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem lại" }).ClickAsync();
        await Assertions.Expect(page.Locator("#decision-signer")).ToContainTextAsync("K/T TRƯỞNG BAN");
        await Assertions.Expect(page.Locator("#decision-signer")).ToContainTextAsync("Trần Thị Phó");

        // The .docx carries the same adjustments.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#decision-docx").ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(await download.PathAsync(), false))
        {
            Assert.Contains("Trần Thị Phó", doc.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }

        // Printed: the decision alone, links as plain text.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("nav.navbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#decision-layout")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("footer")).ToBeHiddenAsync();
        var link = page.Locator("#decision-list a").First;
        Assert.Equal("none", await link.EvaluateAsync<string>("a => getComputedStyle(a).textDecorationLine"));
        Assert.Equal(await page.Locator("#decision-list td").First.EvaluateAsync<string>("e => getComputedStyle(e).color"), await link.EvaluateAsync<string>("a => getComputedStyle(a).color"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "decision-print.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    private static async Task SwitchAsync(IPage phone, string language)
    {
        var button = phone.GetByRole(AriaRole.Button, new() { Name = language });
        await Assertions.Expect(button).ToBeVisibleAsync();
        var answer = await phone.RunAndWaitForResponseAsync(() => button.ClickAsync(), r => r.Url.Contains("/culture", StringComparison.Ordinal));
        Assert.Equal(302, answer.Status);
        // The page the redirect leads to: waited for by its address, not by a load event that may already have fired.
        await phone.WaitForURLAsync(u => !u.Contains("/culture", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Assertions.Expect(phone.Locator("html")).ToHaveAttributeAsync("lang", language == "English" ? "en" : "vi");
    }
}
