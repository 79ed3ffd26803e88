using DanVan.Data;
using DanVan.Domain;
using DanVan.E2ETests.Pages;
using DanVan.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DanVan.E2ETests;

/// <summary>The menu on an office screen (1366 px) stays on one line, whatever the badge and the address, in both languages.</summary>
[Collection(BrowserCollection.Name)]
public class DesktopMenuTests(BrowserFixture fx)
{
    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task TheMenu_DoesNotWrap_At1366Pixels_WithABadgeAndALongAddress(string language)
    {
        var email = "ban.dan.van.tinh.uy." + Guid.NewGuid().ToString("N")[..6] + "@danvan.vn";
        var user = await fx.App.CreateUserAsync(email, (Role.Secretariat, TestData.HungYen), (Role.Admin, null));
        await using (var scope = fx.App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            for (var k = 0; k < 12; k++)
            {
                db.Notifications.Add(new Notification { UserId = user.Id, Text = "Thông báo thử " + k, CreatedAt = DateTimeOffset.UtcNow });
            }

            await db.SaveChangesAsync();
        }

        var context = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl, ViewportSize = new() { Width = 1366, Height = 768 }, Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync(email, TestData.Password);
        await page.GotoAsync("/Initiatives?culture=" + (language == "en" ? "en-US" : "vi-VN"));
        await Assertions.Expect(page.Locator("#nav-notifications .badge")).ToBeVisibleAsync();
        // Each item's words on one line: one box per link, and every item on the same row.
        var wrapped = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('#nav .nav-link')].filter(a => a.offsetParent !== null).filter(a => {
                const r = document.createRange(); r.selectNodeContents(a);
                const tops = [...r.getClientRects()].map(x => x.top);
                return Math.max(...tops) - Math.min(...tops) > parseFloat(getComputedStyle(a).fontSize) * 0.9;
            }).map(a => a.textContent.trim())
            """);
        Assert.Empty(wrapped);
        var rows = await page.EvaluateAsync<int>("() => new Set([...document.querySelectorAll('#nav > ul > li')].map(li => Math.round(li.getBoundingClientRect().top))).size");
        Assert.Equal(1, rows);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, $"menu-1366-{language}.png") });
        await context.CloseAsync();
    }
}
