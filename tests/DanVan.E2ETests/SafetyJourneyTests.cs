using DanVan.Data;
using DanVan.Domain;
using DanVan.E2ETests.Pages;
using DanVan.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DanVan.E2ETests;

/// <summary>
/// The rules seen from an officer's phone: the model's form has no lifecycle fields (the review decides), a burst of
/// survey answers waits for her, an API token needs her password, and signing out ends a copied session.
/// </summary>
[Collection(BrowserCollection.Name)]
public class SafetyJourneyTests(BrowserFixture fx)
{
    [Fact]
    public async Task Officer_SeesNoStatusOnTheForm_CountsHeldAnswers_NeedsHerPasswordForATokenAndSignOutEndsACopiedSession()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var email = $"cb.safe.{tag}@danvan.vn";
        var api = await fx.App.ClientForAsync(await fx.App.CreateUserAsync(email, (Role.Officer, TestData.LuongBang)));
        var id = await TestData.CreateInitiativeAsync(api, TestData.LuongBang, $"Tổ hoà giải giỏi {tag}", registeredOn: "2025-09-01");
        string key;
        await using (var scope = fx.App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var survey = new Survey { InitiativeId = id, Question = "Ông/bà có hài lòng không?", Key = Survey.NewKey(), IsOpen = true, OpenedOn = new DateOnly(2026, 11, 1), ScopePath = await db.Initiatives.Where(i => i.Id == id).Select(i => i.ScopePath).SingleAsync() };
            db.Surveys.Add(survey);
            await db.SaveChangesAsync();
            key = survey.Key;
        }

        var phone = await fx.NewPhonePageAsync();
        await new LoginPage(phone).SignInAsync(email, TestData.Password);

        // The form edits the model's details; its status is shown, not offered.
        await phone.GotoAsync($"/Initiatives/Edit/{id}");
        await Assertions.Expect(phone.Locator("[name='Input.Status'], [name='Input.RetiredOn'], [name='Input.RetiredReason']")).ToHaveCountAsync(0);
        await Assertions.Expect(phone.GetByText("Việc loại bỏ hay khôi phục mô hình do Ban Chỉ đạo quyết định khi rà soát.")).ToBeVisibleAsync();

        // Seven answers from one address in a minute, no device cookie: five count, two wait for the officer.
        for (var k = 0; k < 7; k++)
        {
            var citizen = await fx.Browser.NewPageAsync(new() { BaseURL = fx.BaseUrl });
            await citizen.GotoAsync($"/cong-khai/khao-sat/{key}");
            await citizen.Locator("label[for=yes]").ClickAsync();
            await citizen.Locator("label[for=rating-4]").ClickAsync();
            await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();
            await Assertions.Expect(citizen.Locator("#survey-thanks")).ToBeVisibleAsync();
            await citizen.Context.CloseAsync();
        }

        await phone.GotoAsync($"/Surveys?initiativeId={id}");
        await Assertions.Expect(phone.Locator(".survey-count")).ToContainTextAsync("5/5");
        await Assertions.Expect(phone.Locator(".survey-held")).ToContainTextAsync("2");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "survey-held-phone.png"), FullPage = true });
        await phone.GetByRole(AriaRole.Button, new() { Name = "Tính các phiếu này" }).ClickAsync();
        await Assertions.Expect(phone.Locator(".survey-count")).ToContainTextAsync("7/7");

        // A token acts as her: without her password there is none.
        await phone.GotoAsync("/Account/Manage/Tokens");
        await phone.GetByLabel("Tên gợi nhớ").FillAsync("Báo cáo tự động");
        await phone.GetByLabel("Mật khẩu hiện tại").FillAsync("Sai-mat-khau-1");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Tạo mã mới" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("Mật khẩu không đúng.")).ToBeVisibleAsync();
        await phone.GetByLabel("Mật khẩu hiện tại").FillAsync(TestData.Password);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Tạo mã mới" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#new-token")).ToContainTextAsync("dv_");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "token-created-phone.png"), FullPage = true });

        // Her cookie copied into another browser works until she signs out; then it opens nothing.
        var copy = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl });
        await copy.AddCookiesAsync((await phone.Context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        var stolen = await copy.NewPageAsync();
        await stolen.GotoAsync("/Initiatives");
        Assert.Contains("/Initiatives", stolen.Url, StringComparison.Ordinal);
        await phone.GotoAsync("/Account/Manage");
        await OpenMenuAsync(phone);
        await phone.Locator("form[action*='Logout'] button").First.ClickAsync();
        // Signed out, the site sends a visitor to its public face.
        await phone.WaitForURLAsync("**/cong-khai**");
        await phone.GotoAsync("/Initiatives");
        Assert.Contains("/Account/Login", phone.Url, StringComparison.Ordinal);
        await stolen.GotoAsync("/Initiatives");
        Assert.Contains("/Account/Login", stolen.Url, StringComparison.Ordinal);
        await copy.CloseAsync();
    }

    /// <summary>Opens the phone's menu and waits until it has finished sliding open (a click during the slide is lost).</summary>
    internal static async Task OpenMenuAsync(IPage phone)
    {
        await phone.Locator(".navbar-toggler").ClickAsync();
        await Assertions.Expect(phone.Locator("#nav")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"(^|\s)show(\s|$)"));
        await Assertions.Expect(phone.Locator("#nav.collapsing")).ToHaveCountAsync(0);
    }
}
