using System.Net;
using System.Net.Http.Headers;
using DanVan.E2ETests.Pages;
using DanVan.IntegrationTests.Support;
using Microsoft.Playwright;

namespace DanVan.E2ETests;

/// <summary>
/// A province's secretariat, on a phone, makes an account for the province's data portal, issues its token, sees it
/// work, and revokes it — in Vietnamese and in English.
/// </summary>
[Collection(BrowserCollection.Name)]
public class IntegrationAccountScreenTests(BrowserFixture fx)
{
    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task ASecretariat_MakesAnIntegrationAccount_IssuesItsToken_AndRevokesIt(string language)
    {
        var phone = await fx.NewPhonePageAsync();
        await new LoginPage(phone).SignInAsync(BrowserFixture.SecretariatEmail, TestData.Password);
        if (language == "en")
        {
            await phone.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = ".AspNetCore.Culture", Value = "c=en-US|uic=en-US", Url = fx.BaseUrl }]);
        }

        await phone.GotoAsync("/Admin/Users");
        await phone.Locator("a[href='/Admin/Users/Edit?kind=integration']").ClickAsync();
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync(language == "en" ? "Add an integration account" : "Thêm tài khoản tích hợp");

        // A secretariat role for a system is refused under the role box; what was typed stays.
        var name = TestData.Unique(language == "en" ? "Hưng Yên data portal" : "Cổng dữ liệu tỉnh Hưng Yên");
        await phone.Locator("#NewIntegration_Name").FillAsync(name);
        await phone.Locator("#Grant_Role").SelectOptionAsync("Viewer");
        await phone.Locator("#Grant_UnitCode").FillAsync("Hưng Yên");
        await phone.Locator(".unit-option").First.ClickAsync();
        await phone.Locator("#new-integration").EvaluateAsync("f => { const o = document.createElement('option'); o.value = 'Secretariat'; f.querySelector('#Grant_Role').append(o); f.querySelector('#Grant_Role').value = 'Secretariat'; }");
        await phone.Locator("#new-integration button[type=submit]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-valmsg-for='Grant.Role']")).ToContainTextAsync(language == "en" ? "An integration account may only hold" : "Tài khoản tích hợp chỉ mang quyền");
        await Assertions.Expect(phone.Locator("#NewIntegration_Name")).ToHaveValueAsync(name);

        await phone.Locator("#Grant_Role").SelectOptionAsync("Viewer");
        await phone.Locator("#Grant_UnitCode").FillAsync("Hưng Yên");
        await phone.Locator(".unit-option").First.ClickAsync();
        await phone.Locator("#new-integration button[type=submit]").ClickAsync();
        await Assertions.Expect(phone.Locator("h1")).ToContainTextAsync(name);
        await Assertions.Expect(phone.Locator("#reset-password")).ToHaveCountAsync(0);

        await phone.Locator("#NewToken_Name").FillAsync(language == "en" ? "reporting server" : "máy chủ báo cáo");
        await phone.Locator("#NewToken_Days").FillAsync("30");
        await phone.Locator("#issue-token button[type=submit]").ClickAsync();
        var token = (await phone.Locator("#issued-token").TextContentAsync())!.Trim();
        Assert.StartsWith("dv_", token, StringComparison.Ordinal);
        await phone.Locator("#tokens").ScrollIntoViewIfNeededAsync();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, $"integration-account-{language}.png"), FullPage = true });

        using var platform = new HttpClient { BaseAddress = new Uri(fx.BaseUrl) };
        platform.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await platform.GetAsync("/api/v1/me")).StatusCode);

        phone.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await phone.Locator("#tokens form button[type=submit]").First.ClickAsync();
        await Assertions.Expect(phone.Locator("#tokens")).ToContainTextAsync(language == "en" ? "Revoked" : "Đã thu hồi");
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.GetAsync("/api/v1/me")).StatusCode);
    }
}
