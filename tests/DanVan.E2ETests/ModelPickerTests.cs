using DanVan.Domain;
using DanVan.E2ETests.Pages;
using DanVan.IntegrationTests.Support;
using Microsoft.Playwright;

namespace DanVan.E2ETests;

/// <summary>A secretariat on a phone plans an inspection of a model by typing its name, not its number.</summary>
[Collection(BrowserCollection.Name)]
public class ModelPickerTests(BrowserFixture fx)
{
    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task AnInspection_NamesItsModelByTyping_OnAPhone(string language)
    {
        var officer = await fx.App.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var name = TestData.Unique("Mô hình Đèn đường thắp sáng");
        var model = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang, name, registeredOn: "2026-01-05");
        var phone = await fx.NewPhonePageAsync();
        await new LoginPage(phone).SignInAsync(BrowserFixture.SecretariatEmail, TestData.Password);
        if (language == "en")
        {
            await phone.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=en-US|uic=en-US", Url = fx.BaseUrl }]);
        }

        await phone.GotoAsync("/Inspections");

        await phone.Locator("#Input_UnitCode").FillAsync("Lương Bằng");
        await phone.Locator(".unit-option").First.ClickAsync();
        var team = TestData.Unique(language == "en" ? "Inspection team" : "Đoàn kiểm tra");
        await phone.Locator("#Input_Inspectors").FillAsync(team);
        // A wrong name first: the error sits under the box and the typed text stays.
        await phone.Locator("#ModelText").FillAsync("Mô hình không có thật");
        await phone.Locator("#inspection-form button[type=submit]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-valmsg-for='Input.InitiativeId']")).ToContainTextAsync(language == "en" ? "No model" : "Không tìm thấy mô hình");
        await Assertions.Expect(phone.Locator("#ModelText")).ToHaveValueAsync("Mô hình không có thật");
        await Assertions.Expect(phone.Locator("#Input_Inspectors")).ToHaveValueAsync(team);

        // The name without tone marks, as typed on a phone without a Vietnamese keyboard.
        await phone.Locator("#ModelText").FillAsync(VietnameseText.Fold(name));
        await phone.Locator("#Input_UnitCode").FillAsync("Lương Bằng");
        await phone.Locator(".unit-option").First.ClickAsync();
        await phone.Locator("#inspection-form button[type=submit]").ClickAsync();
        var planned = phone.Locator("section[data-inspection]", new() { HasText = team });
        await Assertions.Expect(planned.Locator($"a[href='/Initiatives/{model}']")).ToHaveTextAsync(name);
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync(language == "en" ? "Inspections" : "Kiểm tra, giám sát");
        await phone.Locator("#inspection-form").ScrollIntoViewIfNeededAsync();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, $"inspection-model-{language}.png") });
    }
}
