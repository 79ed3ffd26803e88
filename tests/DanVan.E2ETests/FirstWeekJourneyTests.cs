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

    private static async Task SwitchAsync(IPage phone, string language)
    {
        var button = phone.GetByRole(AriaRole.Button, new() { Name = language });
        await Assertions.Expect(button).ToBeVisibleAsync();
        var answer = await phone.RunAndWaitForResponseAsync(() => button.ClickAsync(), r => r.Url.Contains("/culture", StringComparison.Ordinal));
        Assert.Equal(302, answer.Status);
        await phone.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
